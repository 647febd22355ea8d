// Runs a bench script in a fresh Node process and returns the JSON it prints on its last line.
import { spawn } from "node:child_process";

export function runNodeJson(script, args, { nodeArgs = [], cwd, env, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      cwd,
      env: env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`${script} exited ${code ?? signal}:\n${err.trim().split("\n").slice(-15).join("\n")}`));
        return;
      }
      const line = out.trim().split("\n").at(-1);
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`${script}: no JSON result on stdout:\n${out}\n${err}`));
      }
    });
  });
}
