// System check: build the API reference site (`npm run docs`), then open it in headless Chromium
// (docs-site/docs-site.test.ts). Needs Debian's `chromium` at /usr/bin/chromium.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
for (const args of [
  ["run", "docs"],
  ["exec", "--", "vitest", "run", "--config", "scripts/system-checks/vitest.config.ts", "docs-site"],
]) {
  const result = spawnSync(npm, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
