// Per-call cost under load. For each round and concurrency, one fresh process per contender; after
// their warm-ups the contenders take turns in slices (A B C A B C ..., order rotating each round)
// until each has run `durationMs`, so a neighbour's burst on this shared machine hits all of them
// alike instead of whichever contender happened to be running.
import { fork } from "node:child_process";
import { join } from "node:path";
import { benchDir } from "./paths.mjs";
import { startFakeEndpoint } from "./server.mjs";

export const SECRET_ID = "AKIDbenchmark00000000000000000000000";
export const SECRET_KEY = "bench-secret-key-not-a-real-one0";

/** A load worker in sliced mode; `request(msg)` resolves with its next reply. */
function startWorker(cfg) {
  const child = fork(join(benchDir, "lib/load-worker.mjs"), [JSON.stringify(cfg)], {
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  let pending;
  const failed = new Promise((_, reject) => {
    child.on("exit", (code) => {
      if (code !== 0)
        reject(new Error(`${cfg.contender} worker exited ${code}:\n${stderr.trim().split("\n").slice(-8).join("\n")}`));
    });
  });
  failed.catch(() => {});
  child.on("message", (msg) => pending?.(msg));
  const next = () => Promise.race([new Promise((resolve) => (pending = resolve)), failed]);
  const ready = next();
  return {
    ready,
    request(msg) {
      const reply = next();
      child.send(msg);
      return reply;
    },
    kill: () => child.kill(),
  };
}

/**
 * Runs the matrix and returns `{ runs: { [concurrency]: { [contenderId]: result[] } }, invalid }`,
 * one result per round. A round with a single failed call or rejected signature is reported in
 * `invalid` and left out of the figures.
 */
export async function runLoad({ contenders, concurrencies, rounds, durationMs, warmupMs, sliceMs, oursDir, log }) {
  const server = await startFakeEndpoint({ credentials: { [SECRET_ID]: SECRET_KEY } });
  const runs = {};
  const invalid = [];
  const slices = Math.max(1, Math.ceil(durationMs / sliceMs));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const concurrency of concurrencies) {
        const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
        server.resetStats();
        const workers = order.map((c) =>
          startWorker({
            ...c,
            contender: c.id,
            port: server.port,
            secretId: SECRET_ID,
            secretKey: SECRET_KEY,
            region: "ap-guangzhou",
            concurrency,
            oursDir,
          }),
        );
        let results;
        try {
          await Promise.all(workers.map((w) => w.ready));
          for (const w of workers) await w.request({ cmd: "run", ms: warmupMs, measure: false });
          for (let s = 0; s < slices; s++) {
            for (const w of workers) await w.request({ cmd: "run", ms: durationMs / slices, measure: true });
          }
          results = [];
          for (const w of workers) results.push((await w.request({ cmd: "report" })).report);
        } catch (err) {
          results = order.map(() => ({ error: err.message }));
        } finally {
          for (const w of workers) w.kill();
        }
        const served = server.stats();
        const failures = Object.keys(served.failures).length > 0;
        order.forEach((c, i) => {
          let r = results[i];
          if (r.error || r.errors > 0 || failures) {
            invalid.push({
              round,
              concurrency,
              contender: c.id,
              error: r.error ?? r.firstError,
              failures: served.failures,
            });
            log(
              `  round ${round + 1} c=${concurrency} ${c.id}: INVALID ${r.error ?? r.firstError ?? JSON.stringify(served.failures)}`,
            );
            r = undefined;
          } else {
            r.hostForms = served.hostForms;
            log(
              `  round ${round + 1} c=${concurrency} ${c.id.padEnd(16)} ${r.reqPerSec.toFixed(0).padStart(6)} req/s ` +
                `${r.cpuUsPerCall.toFixed(1).padStart(7)} µs CPU/call  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms`,
            );
          }
          ((runs[concurrency] ??= {})[c.id] ??= []).push(r);
        });
      }
    }
  } finally {
    await server.close();
  }
  return { runs, invalid };
}
