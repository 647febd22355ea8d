import { RedisClient } from "@org/tc-redis";

/**
 * One client for every example. Credentials come from the default chain (here the
 * TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY variables the demo sets); the endpoint
 * defaults to the real service unless TC_REDIS_ENDPOINT points at a local one.
 */
export function createClient(): RedisClient {
  const endpoint = process.env["TC_REDIS_ENDPOINT"];
  return new RedisClient({
    region: "ap-guangzhou",
    ...(endpoint === undefined ? {} : { endpoint }),
  });
}
