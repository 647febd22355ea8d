import { RedisClient } from "@org/tc-redis";

// A call through an HTTP proxy. Without the `proxy` option the client reads HTTPS_PROXY / HTTP_PROXY /
// NO_PROXY (loopback hosts such as the demo's local endpoint never use a proxy from the environment,
// so the demo names its proxy explicitly).
const proxy = process.env["TC_DEMO_PROXY"];
const endpoint = process.env["TC_REDIS_ENDPOINT"];
const redis = new RedisClient({
  region: "ap-guangzhou",
  ...(endpoint === undefined ? {} : { endpoint }),
  ...(proxy === undefined ? {} : { proxy }),
  headers: { "X-Demo-Caller": "proxy-call" },
  hooks: {
    beforeAttempt: ({ traceId }) =>
      console.log(`sending through ${proxy ?? "the environment's proxy"}, X-TC-TraceId ${traceId}`),
  },
});
try {
  const task = await redis.describeTaskInfo({ TaskId: 18215 });
  console.log(`task 18215 via the proxy: ${task.Status}, request id ${task.RequestId}`);
} finally {
  redis.close();
}
