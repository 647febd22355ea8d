// The modular form: a bare client and one standalone function per action. A bundler keeps only the
// functions imported here (and those actions' request shapes), not every method of RedisClient.
import { describeTaskInfo, paginateDescribeInstances, RedisBaseClient } from "@org/tc-redis";

const endpoint = process.env["TC_REDIS_ENDPOINT"];
const redis = new RedisBaseClient({ region: "ap-guangzhou", ...(endpoint === undefined ? {} : { endpoint }) });
try {
  const task = await describeTaskInfo(redis, { TaskId: 18215 });
  console.log(`task 18215: ${task.Status} (request id ${task.RequestId})`);
  let count = 0;
  for await (const instance of paginateDescribeInstances(redis, { Limit: 2 })) {
    count++;
    console.log(`instance ${instance.InstanceId}`);
  }
  console.log(`${count} instances, listed page by page with the standalone paginator`);
} finally {
  redis.close();
}
