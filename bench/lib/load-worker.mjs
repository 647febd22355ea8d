// One contender at one concurrency in its own process: a closed loop of `concurrency` callers
// against the fake endpoint. Two modes:
// - sliced (started with an IPC channel, as lib/load.mjs does): the parent sends `run` messages and
//   the worker runs the loop for that long, so contenders can take turns second by second; `report`
//   answers with everything measured since the first `measure` slice;
// - one-shot (no IPC, as profile.mjs does): warm-up, one measured run, one JSON line on stdout.
import { performance } from "node:perf_hooks";

const cfg = JSON.parse(process.argv[2]);
const { create } = await import(new URL(`../contenders/${cfg.module}.mjs`, import.meta.url).href);
const contender = await create(cfg);

const first = await contender.call(18215);
if (first?.Status !== "succeed" || typeof first?.RequestId !== "string") {
  throw new Error(`${cfg.contender}: unexpected DescribeTaskInfo result ${JSON.stringify(first)}`);
}

const measured = { calls: 0, wallMs: 0, cpuUs: 0, errors: 0, firstError: undefined, latencies: [] };

/** Runs the closed loop for `ms`; in-flight calls finish after the deadline and count. */
async function loop(ms, record) {
  let stop = false;
  const timer = setTimeout(() => (stop = true), ms);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const worker = async () => {
    let calls = 0;
    while (!stop) {
      const t = performance.now();
      try {
        await contender.call(18215);
        if (record) measured.latencies.push(performance.now() - t);
        calls++;
      } catch (err) {
        measured.errors++;
        measured.firstError ??= String(err?.message ?? err);
      }
    }
    return calls;
  };
  const counts = await Promise.all(Array.from({ length: cfg.concurrency }, worker));
  clearTimeout(timer);
  if (record) {
    const cpu = process.cpuUsage(cpu0);
    measured.wallMs += performance.now() - t0;
    measured.cpuUs += cpu.user + cpu.system;
    measured.calls += counts.reduce((a, b) => a + b, 0);
  }
}

function report() {
  const lat = measured.latencies.sort((a, b) => a - b);
  const pct = (p) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? NaN;
  return {
    contender: cfg.contender,
    concurrency: cfg.concurrency,
    calls: measured.calls,
    errors: measured.errors,
    firstError: measured.firstError,
    wallMs: measured.wallMs,
    reqPerSec: (measured.calls / measured.wallMs) * 1000,
    cpuUsPerCall: measured.cpuUs / measured.calls,
    p50Ms: pct(50),
    p99Ms: pct(99),
    rssBytes: process.memoryUsage.rss(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

if (process.send) {
  process.on("message", async (msg) => {
    if (msg.cmd === "run") {
      await loop(msg.ms, msg.measure);
      process.send({ done: true });
    } else if (msg.cmd === "report") {
      process.send({ report: report() });
      await contender.close?.();
      process.disconnect();
    }
  });
  process.send({ ready: true });
} else {
  await loop(cfg.warmupMs, false);
  await loop(cfg.durationMs, true);
  const result = report();
  await contender.close?.();
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
}
