import { isRedisError } from "@org/tc-redis";
import { createClient } from "./client.js";

const redis = createClient();
try {
  await redis.describeInstanceParams({ InstanceId: "crs-missing0" });
  console.log("unexpected: the instance exists");
  process.exitCode = 1;
} catch (err) {
  // Narrowed to DescribeInstanceParams' documented codes plus the common ones.
  if (!isRedisError(err, "describeInstanceParams")) throw err;
  switch (err.code) {
    case "ResourceNotFound.InstanceNotExists":
      console.log(`no such instance (request ${err.requestId}): ${err.message}`);
      break;
    case "RequestLimitExceeded":
      console.log("throttled even after retries; try later");
      break;
    default:
      console.log(`other Redis error ${err.code}`);
  }
} finally {
  redis.close();
}
