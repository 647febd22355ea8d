// Per-call cost under load: every contender at every concurrency, one child process per run,
// interleaved (A B C, then B C A, ...) so drift on a shared machine hits all contenders alike.
import { join } from "node:path";
import { runNodeJson } from "./child.mjs";
import { benchDir } from "./paths.mjs";
import { startFakeEndpoint } from "./server.mjs";

export const SECRET_ID = "AKIDbenchmark00000000000000000000000";
export const SECRET_KEY = "bench-secret-key-not-a-real-one0";

/**
 * Runs the matrix and returns `{ runs: { [concurrency]: { [contenderId]: result[] } }, invalid }`,
 * one result per round. Each run must be answered without a single failed signature or error;
 * a run that is not is reported in `invalid` and left out of the figures.
 */
export async function runLoad({ contenders, concurrencies, rounds, durationMs, warmupMs, oursDir, log }) {
  const server = await startFakeEndpoint({ credentials: { [SECRET_ID]: SECRET_KEY } });
  const runs = {};
  const invalid = [];
  try {
    for (let round = 0; round < rounds; round++) {
      for (const concurrency of concurrencies) {
        const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
        for (const c of order) {
          server.resetStats();
          const cfg = {
            ...c,
            contender: c.id,
            port: server.port,
            secretId: SECRET_ID,
            secretKey: SECRET_KEY,
            region: "ap-guangzhou",
            concurrency,
            durationMs,
            warmupMs,
            oursDir,
          };
          let result;
          try {
            result = await runNodeJson(join(benchDir, "lib/load-worker.mjs"), [JSON.stringify(cfg)], {
              nodeArgs: ["--expose-gc"],
            });
          } catch (err) {
            result = { error: err.message };
          }
          const served = server.stats();
          const failures = Object.entries(served.failures);
          if (result.error || result.errors > 0 || failures.length > 0) {
            invalid.push({ round, concurrency, contender: c.id, error: result.error ?? result.firstError, failures: served.failures });
            log(`  round ${round + 1} c=${concurrency} ${c.id}: INVALID ${result.error ?? result.firstError ?? JSON.stringify(served.failures)}`);
            result = undefined;
          } else {
            result.hostForms = served.hostForms;
            log(
              `  round ${round + 1} c=${concurrency} ${c.id.padEnd(16)} ${result.reqPerSec.toFixed(0).padStart(6)} req/s ` +
                `${result.cpuUsPerCall.toFixed(1).padStart(7)} µs CPU/call  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms`,
            );
          }
          ((runs[concurrency] ??= {})[c.id] ??= []).push(result);
        }
      }
    }
  } finally {
    await server.close();
  }
  return { runs, invalid };
}
