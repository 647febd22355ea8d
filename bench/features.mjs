// `node bench/features.mjs`: per-call cost of the features added in issue 12, side by side in one run,
// over an in-memory transport (no network: the µs of the client are not lost in HTTP noise).
//   baseline            default options (local sliding-window limiter)
//   headers+middleware  two client headers, a call header and three pass-through middleware
//   redis limiter       RedisRateLimiter against a local redis-server (started here if on PATH), one
//                       EVALSHA round trip per call plus the settle; wall time per call, sequential
// Needs `npm run build -w packages/core -w packages/ratelimit-redis` first. ROUNDS / CALLS env override.
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "packages/ratelimit-redis/package.json"));
const { ServiceClient } = await import(require.resolve("@org/tc-core"));
const { RedisRateLimiter } = await import(path.join(root, "packages/ratelimit-redis/dist/index.js"));

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const CALLS = Number(process.env.CALLS ?? 4000);
const meta = {
  service: "demo",
  version: "2020-01-01",
  endpoint: "demo.tencentcloudapi.com",
  intlEndpoint: "demo.intl.tencentcloudapi.com",
  shapes: { DescribeThingsRequest: { Index: "u" } },
};
const action = { name: "DescribeThings", rateLimit: 1e6, readOnly: true, input: "DescribeThingsRequest" };
const body = Buffer.from('{"Response":{"Things":[],"RequestId":"bench"}}');
const transport = { send: async () => ({ status: 200, body }) };
const base = { credentials: { secretId: "AKIDBENCH", secretKey: "bench-key" }, region: "ap-guangzhou", transport };
const pass = (request, next) => next(request);

async function measure(client, callOptions = {}) {
  for (let i = 0; i < 500; i++) await client.invoke(action, { Index: i }, callOptions);
  const cpu = [];
  const wall = [];
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    for (let i = 0; i < CALLS; i++) await client.invoke(action, { Index: i }, callOptions);
    const c = process.cpuUsage(c0);
    wall.push(((performance.now() - w0) * 1000) / CALLS);
    cpu.push((c.user + c.system) / CALLS);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { cpu: median(cpu), wall: median(wall) };
}

async function startRedis() {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 200; i++) {
    try {
      if (
        execFileSync("redis-cli", ["-p", String(port), "ping"], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        }).trim() === "PONG"
      )
        break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill("SIGKILL") };
}

const rows = [];
const baseline = new ServiceClient(meta, base);
rows.push(["baseline (default options)", await measure(baseline)]);
const featured = new ServiceClient(meta, {
  ...base,
  headers: { "X-Team": "billing", "X-Source": "bench" },
  middleware: [pass, pass, pass],
});
rows.push(["headers + 3 middleware", await measure(featured, { headers: { "X-Call": "1" } })]);
const redis = await startRedis();
if (redis) {
  const limiter = new RedisRateLimiter({ redis: redis.url });
  const shared = new ServiceClient(meta, { ...base, rateLimit: { limiter } });
  rows.push(["RedisRateLimiter (local redis-server)", await measure(shared)]);
  limiter.close();
  redis.stop();
}
console.log(`| configuration | CPU µs per call | wall µs per call |\n| --- | ---: | ---: |`);
for (const [name, { cpu, wall }] of rows) console.log(`| ${name} | ${cpu.toFixed(1)} | ${wall.toFixed(1)} |`);
if (!redis) console.log("\n(redis-server not on PATH: the Redis limiter row is left out)");
