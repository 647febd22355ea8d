// One measured run in its own process: a closed loop of `concurrency` callers against the fake
// endpoint. Prints one JSON line: calls, wall time, process CPU, latency percentiles, memory.
import { performance } from "node:perf_hooks";

const cfg = JSON.parse(process.argv[2]);
const { create } = await import(new URL(`../contenders/${cfg.module}.mjs`, import.meta.url).href);
const contender = await create(cfg);

const first = await contender.call(18215);
if (first?.Status !== "succeed" || typeof first?.RequestId !== "string") {
  throw new Error(`${cfg.contender}: unexpected DescribeTaskInfo result ${JSON.stringify(first)}`);
}

let latencies = [];
let errors = 0;
let firstError;

async function loop(ms) {
  let stop = false;
  const timer = setTimeout(() => (stop = true), ms);
  const worker = async () => {
    let calls = 0;
    while (!stop) {
      const t = performance.now();
      try {
        await contender.call(18215);
        latencies.push(performance.now() - t);
        calls++;
      } catch (err) {
        errors++;
        firstError ??= String(err?.message ?? err);
      }
    }
    return calls;
  };
  const counts = await Promise.all(Array.from({ length: cfg.concurrency }, worker));
  clearTimeout(timer);
  return counts.reduce((a, b) => a + b, 0);
}

await loop(cfg.warmupMs);
latencies = [];
errors = 0;
globalThis.gc?.();

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const calls = await loop(cfg.durationMs);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const rssBytes = process.memoryUsage.rss();
const { maxRSS } = process.resourceUsage();

latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
await contender.close?.();

process.stdout.write(
  JSON.stringify({
    contender: cfg.contender,
    concurrency: cfg.concurrency,
    calls,
    errors,
    firstError,
    wallMs,
    reqPerSec: (calls / wallMs) * 1000,
    cpuUsPerCall: (cpu.user + cpu.system) / calls,
    cpuUserUsPerCall: cpu.user / calls,
    p50Ms: pct(50),
    p99Ms: pct(99),
    rssBytes,
    maxRssBytes: maxRSS * 1024,
  }) + "\n",
);
process.exit(0);
