import { isWaiterFailedError, isWaiterTimeoutError } from "@org/tc-redis";
import { createClient } from "./client.js";

const redis = createClient();
try {
  const created = await redis.createInstances({
    TypeId: 6,
    MemSize: 1024,
    GoodsNum: 1,
    Period: 1,
    BillingMode: 0,
    ZoneId: 100003,
    Password: "demo-Passw0rd",
  });
  console.log(`createInstances: ${created.InstanceIds.join(", ")} (deal ${created.DealId})`);

  // A new instance is listed with Status 0 or 1 first (or not at all for a moment); the waiter polls
  // DescribeInstances until every listed Status is 2 (running), and fails fast on -2/-3.
  const running = await redis.waitUntilInstanceRunning(
    { InstanceIds: created.InstanceIds },
    {
      timeoutMs: 15 * 60_000,
      minDelayMs: 1000,
      onProgress: (status) =>
        console.log(`  status of ${created.InstanceIds.join(", ")}: ${status || "(not listed yet)"}`),
    },
  );
  for (const instance of running.InstanceSet)
    console.log(`${instance.InstanceId} is running (status ${instance.Status})`);
} catch (err) {
  if (isWaiterFailedError(err)) {
    console.error(`instance reached ${err.failed.join(", ")} instead of running`);
    process.exitCode = 1;
  } else if (isWaiterTimeoutError(err)) {
    console.error(`still not running: last status ${err.lastStatus}`);
    process.exitCode = 1;
  } else {
    throw err;
  }
} finally {
  redis.close();
}
