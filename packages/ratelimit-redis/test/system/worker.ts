// One process of the fleet: `node --import tsx worker.ts <endpoint> <secretId> <secretKey> <redisUrl> <calls>`.
// Makes all its calls at once through a RedisRateLimiter and prints one JSON line with the outcome.
import { ServiceClient } from "@org/tc-core";
import { RedisRateLimiter } from "../../src/index.js";
import { describeThings, meta } from "../service.js";

const [endpoint, secretId, secretKey, redisUrl, calls] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const warnings: string[] = [];
const limiter = new RedisRateLimiter({ redis: redisUrl, onFallback: (error) => warnings.push(error.message) });
const client = new ServiceClient(meta, {
  endpoint,
  credentials: { secretId, secretKey },
  retry: false,
  rateLimit: { limiter },
});
const results = await Promise.allSettled(
  Array.from({ length: Number(calls) }, (_, Index) => client.invoke(describeThings, { Index })),
);
const failures = results.flatMap((r) =>
  r.status === "rejected" ? [String((r.reason as { code?: string }).code ?? (r.reason as Error).message)] : [],
);
process.stdout.write(`${JSON.stringify({ ok: results.length - failures.length, failures, warnings })}\n`);
client.close();
limiter.close();
