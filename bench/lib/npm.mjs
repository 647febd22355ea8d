// npm invocations the bench needs, with output captured and failures reported with npm's tail.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const pexec = promisify(execFile);
const npmCli = process.platform === "win32" ? "npm.cmd" : "npm";

export async function npm(args, cwd) {
  try {
    const { stdout } = await pexec(npmCli, args, {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" },
    });
    return stdout;
  } catch (err) {
    const tail = `${err.stderr ?? ""}${err.stdout ?? ""}`.trim().split("\n").slice(-12).join("\n");
    throw new Error(`npm ${args.join(" ")} (in ${cwd}) failed:\n${tail}`);
  }
}
