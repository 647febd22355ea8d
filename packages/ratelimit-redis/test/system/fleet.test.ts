import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type MockServer, startMockServer } from "@org/tc-core/testing";
import { afterEach, expect, it } from "vitest";
import { maxInAnyWindow, service } from "../service.js";
import { type RedisProcess, startRedis } from "./redis-server.js";

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker.ts");

interface WorkerResult {
  readonly ok: number;
  readonly failures: string[];
  readonly warnings: string[];
}

/** Runs one worker process (test/system/worker.ts) to completion and returns its outcome. */
function runWorker(server: MockServer, redisUrl: string, calls: number): Promise<WorkerResult> {
  const { secretId, secretKey } = server.credentials;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", WORKER, server.endpoint, secretId, secretKey, redisUrl, String(calls)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const last = output.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !last.startsWith("{")) return reject(new Error(`worker exited with ${code}: ${output}`));
      resolve(JSON.parse(last) as WorkerResult);
    });
  });
}

let redis: RedisProcess | undefined;
let server: MockServer | undefined;
afterEach(async () => {
  await redis?.stop();
  await server?.close();
  redis = server = undefined;
});

it("4 processes × 100 calls to a 20/s action: the server sees at most 20 per second and no RequestLimitExceeded", async () => {
  redis = await startRedis();
  server = await startMockServer(service, { enforceRateLimits: true });
  const results = await Promise.all([0, 1, 2, 3].map(() => runWorker(server!, redis!.url, 100)));
  expect(results.map((r) => r.failures)).toEqual([[], [], [], []]);
  expect(results.map((r) => r.ok)).toEqual([100, 100, 100, 100]);
  expect(results.flatMap((r) => r.warnings)).toEqual([]);
  expect(server.requests).toHaveLength(400);
  expect(server.requests.filter((r) => r.errorCode !== undefined)).toEqual([]);
  expect(maxInAnyWindow(server.requests.map((r) => r.receivedAt))).toBeLessThanOrEqual(20);
});

it("Redis stopped mid-run: the limiter falls back to local limiting with one warning, and no call is lost", async () => {
  redis = await startRedis();
  server = await startMockServer(service, { enforceRateLimits: true });
  const running = runWorker(server, redis.url, 100);
  while (server.requests.length < 30) await new Promise((resolve) => setTimeout(resolve, 10));
  await redis.stop();
  const result = await running;
  expect(result.failures).toEqual([]);
  expect(result.ok).toBe(100);
  expect(result.warnings).toHaveLength(1);
  expect(server.requests).toHaveLength(100);
  expect(server.requests.filter((r) => r.errorCode !== undefined)).toEqual([]);
  expect(maxInAnyWindow(server.requests.map((r) => r.receivedAt))).toBeLessThanOrEqual(20);
});
