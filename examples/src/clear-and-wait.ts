import { isTaskFailedError } from "@org/tc-redis";
import { createClient } from "./client.js";

const redis = createClient();
try {
  const started = await redis.clearInstance({ InstanceId: "crs-demo0001", Password: "demo-Passw0rd" });
  console.log(`clearInstance started task ${started.TaskId}`);

  const done = await redis.waitForTask(started, {
    timeoutMs: 60_000,
    onProgress: (status) => console.log(`  task ${started.TaskId}: ${status}`),
  });
  console.log(`task ${started.TaskId} finished: ${done.Status}`);
} catch (err) {
  if (isTaskFailedError(err)) {
    console.error(`task ${err.taskId} ended ${err.status}: ${err.taskMessage}`);
    process.exitCode = 1;
  } else {
    throw err;
  }
} finally {
  redis.close();
}
