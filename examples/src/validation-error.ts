import { isValidationError } from "@org/tc-redis";
import { createClient } from "./client.js";

const redis = createClient();
try {
  // The compiler already rejects this call; the cast stands in for data from an untyped source (JSON, a form).
  const untyped = JSON.parse('{"TaskID": 18215, "Extra": true}') as { TaskId: number };
  await redis.describeTaskInfo(untyped);
  console.log("unexpected: the request was sent");
  process.exitCode = 1;
} catch (err) {
  if (!isValidationError(err)) throw err;
  console.log("rejected before any network request:");
  for (const problem of err.problems) console.log(`  - ${problem}`);
} finally {
  redis.close();
}
