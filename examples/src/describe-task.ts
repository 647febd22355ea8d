import { createClient } from "./client.js";

const redis = createClient();
try {
  const task = await redis.describeTaskInfo({ TaskId: 18215 });
  console.log(`task 18215 on ${task.InstanceId}: ${task.Status} (${task.TaskType}), started ${task.StartTime}`);
  console.log(`request id: ${task.RequestId}`);
} finally {
  redis.close();
}
