import { describe, expect, it } from "vitest";
import { run } from "../exec.js";

const node = process.execPath;
const options = { cwd: process.cwd(), env: process.env, timeoutMs: 20_000 };

describe("run", () => {
  it("resolves with the output of a command that exits 0", async () => {
    const result = await run(node, ["-e", "console.log('out'); console.error('err')"], options);
    expect(result).toEqual({ stdout: "out\n", stderr: "err\n" });
  });

  it("names the command, directory and exit code, with the output's tail, when it fails", async () => {
    const failing = run(node, ["-e", "console.log('line 1'); console.error('boom'); process.exit(3)"], options);
    await expect(failing).rejects.toThrow(/ -e .* exited with code 3 \(in .+\)\n {4}line 1\n {4}boom$/);
  });

  it("kills the whole process group when the timeout passes, grandchildren included", async () => {
    // The grandchild shares the output pipe and would hang forever: run() can only settle once it is dead too.
    const script = [
      "const { spawn } = require('node:child_process');",
      "spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: ['ignore', 'inherit', 'inherit'] });",
      "console.log('started');",
      "setInterval(() => {}, 1000);",
    ].join("\n");
    const failing = run(node, ["-e", script], { ...options, timeoutMs: 1_500 });
    await expect(failing).rejects.toThrow(/did not finish within 2 s and was killed \(in .+\)\n {4}started$/);
  });
});
