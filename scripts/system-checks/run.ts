// `npm run test:system`: the checks that need a system package (Chromium, redis-server), kept out of
// `npm test` so a clean clone passes without them. Every `*.check.ts` in this folder is one check: a
// program that exits 0 on success. They run one after another (2 cores), and the runner fails if any
// failed, after running them all. `.ci/run` installs the system packages before calling this.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const checks = readdirSync(here)
  .filter((file) => file.endsWith(".check.ts"))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();
if (checks.length === 0) {
  console.error(`test:system: no check matches ${only.join(", ") || "*.check.ts"} in ${here}`);
  process.exit(1);
}

const failed: string[] = [];
for (const check of checks) {
  console.log(`\n== ${check}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(here, check)], { stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) console.log(`== ${check}: passed in ${seconds} s`);
  else {
    failed.push(check);
    console.log(`== ${check}: FAILED (${result.signal ?? `exit ${result.status}`}) after ${seconds} s`);
  }
}
console.log(
  `\ntest:system: ${checks.length - failed.length} of ${checks.length} checks passed${failed.length ? `; failed: ${failed.join(", ")}` : ""}`,
);
process.exit(failed.length === 0 ? 0 : 1);
