// Signing ops per CPU second, interleaved across signers, one process per run; medians and paired ratios.
import { join } from "node:path";
import { runNodeJson } from "./child.mjs";
import { benchDir } from "./paths.mjs";

export async function runSigning({ signers, rounds, durationMs, oursDir, log }) {
  const runs = Object.fromEntries(signers.map((s) => [s, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < signers.length; i++) {
      const who = signers[(i + round) % signers.length];
      const r = await runNodeJson(join(benchDir, "lib/signing-worker.mjs"), [
        JSON.stringify({ who, durationMs, oursDir }),
      ]);
      runs[who].push(r.opsPerCpuSec);
      log(
        `  round ${round + 1} ${who.padEnd(6)} ${r.opsPerCpuSec.toFixed(0).padStart(8)} ops per CPU-s (${r.opsPerSec.toFixed(0)} per wall s)  ${r.cpuUsPerOp.toFixed(2)} µs CPU/op`,
      );
    }
  }
  return runs;
}
