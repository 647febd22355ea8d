// A synthetic service ten times the size of Redis 2018-04-12 for the generator's scale test:
// every action and structure copied `factor` times under new names (`DescribeTaskInfoCopy2`, ...),
// structure references rewritten within each copy, paginators copied with their actions.
// Usage: node bench/lib/synth-spec.mjs <out-specs-dir> [factor=10]
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "./paths.mjs";

const SOURCE = join(repoRoot, "specs");
const SERVICE = "redis/2018-04-12";

const suffixFor = (copy) => (copy === 1 ? "" : `Copy${copy}`);

function renameRefs(value, suffix) {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, suffix));
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) out[k] = renameRefs(v, suffix);
  if (value.kind === "structure" && typeof value.name === "string") out.name = value.name + suffix;
  return out;
}

const json = (value) => JSON.stringify(value, null, 2) + "\n";

/** Writes the synthetic specs root into `outDir`; resolves to the number of actions written. */
export async function synthesize(outDir, factor = 10) {
  const src = join(SOURCE, SERVICE);
  const dst = join(outDir, SERVICE);
  await cp(join(SOURCE, "common"), join(outDir, "common"), { recursive: true });
  await mkdir(join(dst, "actions"), { recursive: true });
  await mkdir(join(dst, "structures"), { recursive: true });
  await cp(join(src, "errors.json"), join(dst, "errors.json"));

  let actions = 0;
  for (const kind of ["actions", "structures"]) {
    for (const file of (await readdir(join(src, kind))).filter((f) => f.endsWith(".json")).sort()) {
      const spec = JSON.parse(await readFile(join(src, kind, file), "utf8"));
      for (let copy = 1; copy <= factor; copy++) {
        const suffix = suffixFor(copy);
        const renamed = renameRefs(spec, suffix);
        renamed.name = spec.name + suffix;
        await writeFile(join(dst, kind, `${renamed.name}.json`), json(renamed));
        if (kind === "actions") actions++;
      }
    }
  }

  const service = JSON.parse(await readFile(join(src, "service.json"), "utf8"));
  const paginators = {};
  for (const [action, p] of Object.entries(service.paginators ?? {})) {
    for (let copy = 1; copy <= factor; copy++) paginators[action + suffixFor(copy)] = p;
  }
  service.paginators = Object.fromEntries(Object.entries(paginators).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFile(join(dst, "service.json"), json(service));
  return actions;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, factor = "10"] = process.argv.slice(2);
  if (!out) {
    console.error("usage: node bench/lib/synth-spec.mjs <out-specs-dir> [factor=10]");
    process.exit(2);
  }
  console.log(`${await synthesize(out, Number(factor))} actions written to ${out}`);
}
