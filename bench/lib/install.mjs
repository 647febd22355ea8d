// Install footprint, measured the way users meet it: `npm pack` our packages, install the tarballs
// into a fresh project; install the peer from the registry into another. The project holding our
// install is also where the other sections load `@org/tc-redis` from.
import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { npm } from "./npm.mjs";
import { repoRoot } from "./paths.mjs";

export const PEER_VERSION = "4.1.313";

async function freshProject(name) {
  const dir = await mkdtemp(join(tmpdir(), `tc-bench-${name}-`));
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: `bench-${name}`, private: true }, null, 2));
  return dir;
}

/** Packages (by name@version, nested copies included) and apparent bytes of every file under `node_modules`. */
export async function footprint(projectDir) {
  const nodeModules = join(projectDir, "node_modules");
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(nodeModules, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name === ".package-lock.json") continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  const packages = [];
  async function collect(dir) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      const dirs = entry.name.startsWith("@")
        ? (await readdir(join(dir, entry.name))).map((n) => join(dir, entry.name, n))
        : [join(dir, entry.name)];
      for (const pkgDir of dirs) {
        const pkg = await readFile(join(pkgDir, "package.json"), "utf8").then(JSON.parse, () => undefined);
        if (pkg === undefined) continue;
        packages.push(`${pkg.name}@${pkg.version}`);
        await collect(join(pkgDir, "node_modules"));
      }
    }
  }
  await collect(nodeModules);
  return { packages: packages.sort(), bytes, files };
}

/**
 * Packs packages/core and packages/redis and installs both tarballs into a fresh project that
 * also gets `entry.mjs` / `entry.cjs` re-exporting `@org/tc-redis` and `core-entry.mjs` re-exporting
 * `@org/tc-core`, for the other sections to load them from there.
 */
export async function installOurs() {
  const packDir = await mkdtemp(join(tmpdir(), "tc-bench-pack-"));
  const tarballs = [];
  const packed = {};
  for (const ws of ["core", "redis"]) {
    const [info] = JSON.parse(
      await npm(["pack", "--json", "--pack-destination", packDir], join(repoRoot, "packages", ws)),
    );
    tarballs.push(join(packDir, info.filename));
    packed[info.name] = { size: info.size, unpackedSize: info.unpackedSize, entryCount: info.entryCount };
  }
  const dir = await freshProject("ours");
  await npm(["install", "--prefer-offline", "--no-package-lock", ...tarballs], dir);
  await writeFile(
    join(dir, "entry.mjs"),
    'export { RedisClient, RedisBaseClient, describeTaskInfo } from "@org/tc-redis";\n',
  );
  await writeFile(join(dir, "entry.cjs"), 'module.exports = require("@org/tc-redis");\n');
  await writeFile(join(dir, "core-entry.mjs"), 'export * from "@org/tc-core";\n');
  return { dir, packDir, packed, footprint: await footprint(dir) };
}

/** Installs the official SDK at the pinned version from the registry into a fresh project. */
export async function installPeer() {
  const dir = await freshProject("peer");
  await npm(["install", "--prefer-offline", "--no-package-lock", `tencentcloud-sdk-nodejs@${PEER_VERSION}`], dir);
  return { dir, footprint: await footprint(dir) };
}
