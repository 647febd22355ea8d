// Runs the validation price in its own process (see validation-worker.mjs).
import { join } from "node:path";
import { runNodeJson } from "./child.mjs";
import { benchDir } from "./paths.mjs";

export async function runValidation({ oursDir, blockMs, blocks, log }) {
  const r = await runNodeJson(join(benchDir, "lib/validation-worker.mjs"), [
    JSON.stringify({ oursDir, blockMs, blocks }),
  ]);
  for (const [action, v] of Object.entries(r)) {
    log(
      v.error
        ? `  ${action}: ${v.error}`
        : `  ${action.padEnd(18)} ${v.members} members: on ${v.onUs.toFixed(2)} µs, off ${v.offUs.toFixed(2)} µs, validation ${v.deltaUs.toFixed(2)} µs per call`,
    );
  }
  return r;
}
