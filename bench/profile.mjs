// Profiles one contender under load: runs the fake endpoint here and one load worker under
// `node --cpu-prof`, then prints where the worker's CPU went (self time by function and by file).
// Usage: node bench/profile.mjs <floor|peer|ours> [concurrency=64] [durationMs=5000] [--novalidate]
// `ours` needs BENCH_OURS_DIR: a project with the packed tarballs installed (see lib/install.mjs),
// or it packs and installs them itself.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNodeJson } from "./lib/child.mjs";
import { installOurs } from "./lib/install.mjs";
import { SECRET_ID, SECRET_KEY } from "./lib/load.mjs";
import { benchDir } from "./lib/paths.mjs";
import { startFakeEndpoint } from "./lib/server.mjs";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const [module = "ours", concurrency = "64", durationMs = "5000"] = args;
const validate = !process.argv.includes("--novalidate");

let oursDir = process.env.BENCH_OURS_DIR;
const cleanup = [];
if (module === "ours" && !oursDir) {
  const ours = await installOurs();
  oursDir = ours.dir;
  cleanup.push(ours.dir, ours.packDir);
}
const profDir = await mkdtemp(join(tmpdir(), "tc-bench-prof-"));
cleanup.push(profDir);
const server = await startFakeEndpoint({ credentials: { [SECRET_ID]: SECRET_KEY } });
try {
  const cfg = {
    module,
    contender: module,
    validate,
    port: server.port,
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    region: "ap-guangzhou",
    concurrency: Number(concurrency),
    durationMs: Number(durationMs),
    warmupMs: 1000,
    oursDir,
  };
  const result = await runNodeJson(join(benchDir, "lib/load-worker.mjs"), [JSON.stringify(cfg)], {
    nodeArgs: ["--cpu-prof", "--cpu-prof-dir", profDir],
  });
  console.log(
    `${module}${validate ? "" : " (validate off)"} c=${concurrency}: ${result.reqPerSec.toFixed(0)} req/s, ${result.cpuUsPerCall.toFixed(1)} µs CPU/call (profiling inflates both)`,
  );
  const [file] = (await readdir(profDir)).filter((f) => f.endsWith(".cpuprofile"));
  summarize(JSON.parse(await readFile(join(profDir, file), "utf8")), result.calls);
} finally {
  await server.close();
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
}

function summarize(profile, calls) {
  const total = profile.endTime - profile.startTime;
  const perSample = total / profile.samples.length;
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byFn = new Map();
  const byFile = new Map();
  for (const node of profile.nodes) {
    const h = hits.get(node.id) ?? 0;
    if (h === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, "").replace(/^.*node_modules\//, "") || "(native/vm)";
    const fn = `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + h);
    byFile.set(file, (byFile.get(file) ?? 0) + h);
  }
  const show = (title, map, n) => {
    console.log(`\n${title} (µs per call of self time; whole process incl. warm-up)`);
    for (const [k, h] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`${((h * perSample) / calls).toFixed(1).padStart(8)}  ${k}`);
    }
  };
  show("by file", byFile, 15);
  show("by function", byFn, 30);
}
