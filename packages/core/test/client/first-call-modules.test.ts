// What a process loads to import core and make its first plain call over http: cold start pays for every built-in module read
// and compiled. The call path keeps time with `process.hrtime` (not the `performance` global, whose first
// use loads perf_hooks) and loads `node:https` only for an https endpoint. Checked in a fresh Node process
// running the bundled call, since this test runner has loaded both modules itself.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

const APP = `const before = new Set(process.moduleLoadList);
const { ServiceClient } = await import("./index.js");
const meta = { service: "demo", version: "2020-01-01", endpoint: "demo.tencentcloudapi.com",
  intlEndpoint: "demo.intl.tencentcloudapi.com", shapes: { Req: { Id: "i" } } };
const action = { name: "Describe", rateLimit: 20, readOnly: true, input: "Req" };
const client = new ServiceClient(meta, {
  region: "ap-guangzhou",
  endpoint: process.env.ENDPOINT,
  credentials: { secretId: "AKIDfirstcall", secretKey: "first-call-secret" },
});
const response = await client.invoke(action, { Id: 1 });
client.close();
const loaded = process.moduleLoadList.filter((m) => !before.has(m));
process.stdout.write(JSON.stringify({ requestId: response.RequestId, loaded }));
`;

let server: Server;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end(JSON.stringify({ Response: { RequestId: "req-first-call" } })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  dir = mkdtempSync(join(tmpdir(), "tc-first-call-"));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
});

/** Bundles the app from core's sources and runs it in a fresh `node`; resolves with what it printed. */
async function firstCall(): Promise<{ requestId: string; loaded: string[] }> {
  const file = join(dir, "app.mjs");
  await build({
    stdin: { contents: APP, resolveDir: SRC, sourcefile: "app.ts", loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: file,
    logLevel: "silent",
  });
  const { port } = server.address() as AddressInfo;
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [file],
      { env: { ...process.env, ENDPOINT: `http://127.0.0.1:${port}` } },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    ),
  );
  return JSON.parse(stdout) as { requestId: string; loaded: string[] };
}

describe("importing core and making the first plain call over http", () => {
  it("loads neither perf_hooks nor node:https", async () => {
    const { requestId, loaded } = await firstCall();
    // The call went through: the list below is what a successful call needed.
    expect(requestId).toBe("req-first-call");
    expect(loaded.filter((m) => /^NativeModule (perf_hooks|https|tls|_tls_wrap)$/.test(m))).toEqual([]);
  }, 60_000);
});
