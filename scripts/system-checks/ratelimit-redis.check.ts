// System check: @org/tc-ratelimit-redis against a real redis-server (Debian's `redis-server` on PATH),
// started and stopped by the tests: a fleet of processes shares one per-action limit, and a Redis that
// dies mid-run falls back to local limiting.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
for (const args of [
  ["run", "build", "-w", "packages/core", "-w", "packages/ratelimit-redis"],
  ["run", "test:system", "-w", "packages/ratelimit-redis"],
]) {
  const result = spawnSync(npm, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
