// The modular form of @org/tc-redis (issue 13): RedisBaseClient plus the standalone describeTaskInfo,
// from the same fresh install and with the same options as contenders/ours.mjs.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export async function create({ port, secretId, secretKey, region, oursDir, validate = true }) {
  if (!oursDir) throw new Error("contender ours-modular: oursDir (install of the packed tarballs) is required");
  const { RedisBaseClient, describeTaskInfo } = await import(pathToFileURL(join(oursDir, "entry.mjs")).href);
  const client = new RedisBaseClient({
    region,
    credentials: { secretId, secretKey },
    endpoint: `http://127.0.0.1:${port}`,
    rateLimit: false,
    validate,
  });
  return {
    name: "ours-modular",
    call: (taskId) => describeTaskInfo(client, { TaskId: taskId }),
    close: () => client.close(),
  };
}
