// Garbage collection per call under load: runs the fake endpoint here and one load worker per contender
// under `node --trace-gc-nvp`, then reports the bytes promoted to the old generation and the full
// collections. Unlike CPU time, these barely move with the machine's load, so they show a regression
// of the kind found on 2026-12-02 (every call in flight promoted: 124 MB per 20,000 calls) on any host.
// Usage: node bench/gc.mjs [contender...] [--concurrency=64] [--ms=5000]; contenders default to
// floor, ours, ours-modular. `ours*` need BENCH_OURS_DIR (see lib/install.mjs) or it packs and installs them.
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { installOurs } from "./lib/install.mjs";
import { SECRET_ID, SECRET_KEY } from "./lib/load.mjs";
import { benchDir } from "./lib/paths.mjs";
import { startFakeEndpoint } from "./lib/server.mjs";

const flag = (name, fallback) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const concurrency = flag("concurrency", 64);
const durationMs = flag("ms", 5000);
const named = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const contenders = named.length > 0 ? named : ["floor", "ours", "ours-modular"];

let oursDir = process.env.BENCH_OURS_DIR;
const cleanup = [];
if (!oursDir && contenders.some((c) => c.startsWith("ours"))) {
  const ours = await installOurs();
  oursDir = ours.dir;
  cleanup.push(ours.dir, ours.packDir);
}
const server = await startFakeEndpoint({ credentials: { [SECRET_ID]: SECRET_KEY } });
try {
  console.log(
    `| contender (c=${concurrency}, ${2 * durationMs} ms measured) | calls | promoted per 1,000 calls | full GCs per 10,000 calls | GC pause per call |`,
  );
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const module of contenders) {
    const base = { module, contender: module, validate: true, port: server.port, secretId: SECRET_ID };
    const cfg = { ...base, secretKey: SECRET_KEY, region: "ap-guangzhou", concurrency, warmupMs: 500, oursDir };
    // Two runs, one three times as long: their difference leaves out start-up and warm-up, whose
    // collections would otherwise dominate a short run.
    const short = await traced({ ...cfg, durationMs });
    const long = await traced({ ...cfg, durationMs: 3 * durationMs });
    const calls = long.result.calls - short.result.calls;
    const sum = (run, pick) => run.gcs.reduce((total, gc) => total + pick(gc), 0);
    const diff = (pick) => sum(long, pick) - sum(short, pick);
    const promoted = diff((gc) => gc.promoted);
    const full = diff((gc) => (gc.kind === "s" ? 0 : 1));
    const pause = diff((gc) => gc.pauseMs);
    console.log(
      `| ${module} | ${calls} | ${(((promoted / calls) * 1000) / 1024).toFixed(1)} KB | ${((full / calls) * 10_000).toFixed(2)} | ${((pause * 1000) / calls).toFixed(2)} µs |`,
    );
  }
} finally {
  await server.close();
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
}

/** Runs one one-shot load worker under `--trace-gc-nvp`: its JSON result and every collection it made. */
function traced(cfg) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--trace-gc-nvp", join(benchDir, "lib/load-worker.mjs"), JSON.stringify(cfg)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${cfg.module}: load worker exited ${code}`));
      const lines = out.trim().split("\n");
      const gcs = lines
        .filter((line) => / gc=\w+/.test(line))
        .map((line) => {
          const field = (name) => line.match(new RegExp(`\\b${name}=([^ ]+)`))?.[1];
          return { kind: field("gc"), promoted: Number(field("promoted") ?? 0), pauseMs: Number(field("pause") ?? 0) };
        });
      resolve({ result: JSON.parse(lines.at(-1)), gcs });
    });
  });
}
