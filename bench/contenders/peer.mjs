// The official tencentcloud-sdk-nodejs Redis client, configured as its docs describe, reaching the
// fake endpoint through a host name whose first label is `redis` (it takes the signing service
// from there) and an Agent whose DNS lookup answers 127.0.0.1.
import { Agent } from "node:http";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Resolves every name to 127.0.0.1, in both the single-address and the `all: true` forms. */
function loopbackLookup(_hostname, options, callback) {
  if (typeof options === "function") return options(null, "127.0.0.1", 4);
  if (options?.all) return callback(null, [{ address: "127.0.0.1", family: 4 }]);
  return callback(null, "127.0.0.1", 4);
}

export async function create({ port, secretId, secretKey, region }) {
  const { Client } = require("tencentcloud-sdk-nodejs/tencentcloud/services/redis/index.js").redis.v20180412;
  const agent = new Agent({ keepAlive: true, lookup: loopbackLookup });
  const client = new Client({
    credential: { secretId, secretKey },
    region,
    profile: { httpProfile: { endpoint: `redis.tencentcloudapi.com:${port}`, protocol: "http://", agent } },
  });
  return {
    name: "peer",
    call: (taskId) => client.DescribeTaskInfo({ TaskId: taskId }),
    close: () => agent.destroy(),
  };
}
