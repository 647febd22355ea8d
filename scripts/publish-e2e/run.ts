import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { git } from "../release/git.js";
import { listWorkspaces } from "../release/workspaces.js";
import { CONSUMED_PACKAGES, RUNTIME_CHECKS, TYPE_CHECKS, writeConsumer } from "./consumer.js";
import { run } from "./exec.js";
import { installedSizes, type MeasuredSize, writeMeasuredSizes } from "./measured-sizes.js";
import { dryRunPack, missingFiles, type PackReport, unexpectedFiles } from "./pack.js";
import { publishedVersions, verifyConsumerLock, verifyRelease } from "./release-checks.js";
import { copyWorkingTree, linkNodeModules } from "./repo-copy.js";
import { Scratch } from "./scratch.js";
import { type LocalRegistry, startVerdaccio } from "./verdaccio.js";

const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const CHANGESET = ".changeset/publish-e2e-test.md";
const SUMMARY = "Publish test: released to a throwaway registry by scripts/publish-e2e.";
const NAMED = ["@org/tc-core"];
const MINUTE = 60_000;

const timings: Array<[string, number]> = [];

async function step<T>(name: string, action: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  process.stdout.write(`publish-e2e: ${name} …\n`);
  try {
    return await action();
  } catch (error) {
    throw new Error(`step "${name}" failed: ${(error as Error).message}`, { cause: error });
  } finally {
    timings.push([name, performance.now() - started]);
  }
}

/** The caller's environment without npm's per-script variables, which would otherwise leak into nested npm runs. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
  for (const key of Object.keys(env)) if (/^npm_(lifecycle|package)_/i.test(key)) delete env[key];
  return env;
}

/**
 * Environment for the release: a throwaway user config whose only registry is the local one with a dummy token,
 * and no other npm settings from the caller, so nothing can be published anywhere else; git without the caller's
 * global config.
 */
function releaseEnv(scratch: Scratch, registry: LocalRegistry): NodeJS.ProcessEnv {
  const env = baseEnv();
  for (const key of Object.keys(env)) if (/^npm_config_/i.test(key)) delete env[key];
  const userconfig = scratch.path("release.npmrc");
  writeFileSync(userconfig, `registry=${registry.url}\n${registry.nerfDart}:_authToken=publish-e2e-dummy-token\n`);
  return {
    ...env,
    NPM_CONFIG_USERCONFIG: userconfig,
    npm_config_registry: registry.url,
    // The caller's git config (signing, hooks, templates) must not change what the release commits and tags.
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "publish-e2e",
    GIT_AUTHOR_EMAIL: "publish-e2e@example.invalid",
    GIT_COMMITTER_NAME: "publish-e2e",
    GIT_COMMITTER_EMAIL: "publish-e2e@example.invalid",
  };
}

function prepareRepository(repo: string): number {
  const files = copyWorkingTree(ROOT, repo);
  linkNodeModules(ROOT, repo);
  writeFileSync(
    path.join(repo, CHANGESET),
    `---\n${NAMED.map((name) => `"${name}": patch`).join("\n")}\n---\n\n${SUMMARY}\n`,
  );
  // The release commits the version bump and tags it, so the copy is a repository on main with everything committed.
  git(repo, ["init", "-q", "-b", "main"]);
  git(repo, ["add", "-A"]);
  git(repo, [
    "-c",
    "user.name=publish-e2e",
    "-c",
    "user.email=publish-e2e@example.invalid",
    "-c",
    "commit.gpgsign=false",
    "commit",
    "-q",
    "-m",
    "working tree under test, with a test changeset",
  ]);
  return files;
}

function readManifest(file: string): { dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(file, "utf8")) as { dependencies?: Record<string, string> };
}

/** Decimal units, as npm prints them. */
function formatSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1_000).toFixed(1)} kB`;
}

/** Bytes of every file under `dir`: what a user's disk holds after installing. */
function diskUsage(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Sizes worth reporting: each tarball, and what installing each package alone puts in node_modules. */
interface Sizes {
  packs: PackReport[];
  installed: ReadonlyMap<string, number>;
}

async function publishTest(scratch: Scratch, setRegistry: (registry: LocalRegistry) => void): Promise<Sizes> {
  const registry = await step("start verdaccio (127.0.0.1, free port, no uplinks)", () =>
    startVerdaccio(ROOT, scratch.path("registry")),
  );
  setRegistry(registry);
  const repo = scratch.path("repo");
  const copied = await step("copy working tree and add a test changeset", () => prepareRepository(repo));
  process.stdout.write(`publish-e2e:   ${copied} files, registry ${registry.url} (pid ${registry.pid})\n`);
  const before = publishedVersions(repo);
  const env = releaseEnv(scratch, registry);
  await step("npm run release (changeset version, version commit, build, changeset publish)", () =>
    run("npm", ["run", "release"], { cwd: repo, env, timeoutMs: 30 * MINUTE }),
  );
  const versions = await step("verify versions, changelog, lockfile, tags and registry", () =>
    verifyRelease({
      root: repo,
      registryUrl: registry.url,
      before,
      changesetFile: CHANGESET,
      summary: SUMMARY,
      named: NAMED,
    }),
  );
  const published = listWorkspaces(repo).filter((p) => !p.isPrivate);
  const packageDirs = new Map(published.map((p) => [p.name, p.relDir]));
  const packs = await step("npm pack --dry-run of each published package", async () => {
    const reports: PackReport[] = [];
    for (const pkg of published) {
      const report = await dryRunPack(path.join(repo, pkg.relDir), { env, timeoutMs: 2 * MINUTE });
      const wrong = [
        ...unexpectedFiles(report).map((f) => `unexpected ${f}`),
        ...missingFiles(report).map((f) => `missing ${f}`),
      ];
      if (wrong.length > 0) throw new Error(`${pkg.name} tarball: ${wrong.join(", ")}`);
      reports.push(report);
    }
    return reports;
  });
  const consumer = scratch.path("consumer");
  const consumerEnv = baseEnv();
  const specs = CONSUMED_PACKAGES.map((name) => `${name}@${versions.get(name) ?? ""}`);
  await step(`install ${specs.join(", ")} in a fresh project (@org scope only from verdaccio)`, async () => {
    writeConsumer(consumer, { registryUrl: registry.url, typeRoots: path.join(ROOT, "node_modules", "@types") });
    await run("npm", ["install", ...specs, "--no-audit", "--no-fund", "--cache", scratch.path("npm-cache")], {
      cwd: consumer,
      env: consumerEnv,
      timeoutMs: 5 * MINUTE,
    });
    await verifyConsumerLock(consumer, registry.url, versions);
  });
  const sized = packs.map((pack) => ({
    name: pack.name,
    unpackedSize: pack.unpackedSize,
    dependencies: Object.keys(
      readManifest(path.join(repo, packageDirs.get(pack.name) ?? "", "package.json")).dependencies ?? {},
    ),
  }));
  const installed = installedSizes(path.join(consumer, "node_modules"), sized, diskUsage);
  for (const script of RUNTIME_CHECKS) {
    await step(
      `node ${script} (${script.endsWith(".cjs") ? "require" : "import"} + call against the local endpoint)`,
      () => run(process.execPath, [script], { cwd: consumer, env: consumerEnv, timeoutMs: MINUTE }),
    );
  }
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  for (const project of TYPE_CHECKS) {
    await step(`tsc -p ${project} (strict)`, () =>
      run(process.execPath, [tsc, "-p", project], { cwd: consumer, env: consumerEnv, timeoutMs: 3 * MINUTE }),
    );
  }
  return { packs, installed };
}

async function main(): Promise<number> {
  const started = performance.now();
  const scratch = new Scratch("tc-publish-e2e-");
  let registry: LocalRegistry | undefined;
  let cleanedUp: Promise<void> | undefined;
  const cleanup = () =>
    (cleanedUp ??= (async () => {
      try {
        await registry?.stop();
      } finally {
        scratch.remove();
      }
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`publish-e2e: ${signal}: stopping verdaccio and removing ${scratch.dir}\n`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let sizes: Sizes | undefined;
  let failure: Error | undefined;
  try {
    sizes = await publishTest(scratch, (r) => (registry = r));
  } catch (error) {
    failure = error as Error;
  } finally {
    await cleanup();
  }
  for (const [name, ms] of timings)
    process.stdout.write(`publish-e2e: ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}\n`);
  for (const pack of sizes?.packs ?? []) {
    process.stdout.write(
      `publish-e2e: ${pack.name}@${pack.version}: ${pack.files.length} files, ` +
        `packed ${formatSize(pack.size)}, unpacked ${formatSize(pack.unpackedSize)}\n`,
    );
  }
  if (sizes !== undefined) {
    const measured: Record<string, MeasuredSize> = {};
    for (const pack of sizes.packs) {
      const installed = sizes.installed.get(pack.name);
      if (installed === undefined) continue;
      measured[pack.name] = {
        packed: formatSize(pack.size),
        unpacked: formatSize(pack.unpackedSize),
        installed: formatSize(installed),
      };
      process.stdout.write(
        `publish-e2e: installing ${pack.name} alone puts ${formatSize(installed)} in node_modules\n`,
      );
    }
    if (failure === undefined && process.argv.includes("--write-sizes")) {
      const file = path.join(ROOT, "generator/templates/measured-sizes.json");
      writeMeasuredSizes(file, measured);
      process.stdout.write(
        `publish-e2e: wrote ${path.relative(ROOT, file)}; run \`npm run generate\` to update the READMEs\n`,
      );
    }
  }
  const total = ((performance.now() - started) / 1000).toFixed(1);
  if (failure !== undefined) {
    process.stderr.write(
      `publish-e2e: FAILED after ${total} s (verdaccio stopped, temporary files removed)\n${failure.message}\n`,
    );
    return 1;
  }
  process.stdout.write(`publish-e2e: passed in ${total} s (verdaccio stopped, temporary files removed)\n`);
  return 0;
}

process.exitCode = await main();
