// Price of request validation per call: the same client method with `validate: true` and `false`,
// over an in-memory transport that answers the spec's sample at once, so nothing but the SDK's own
// work is measured. Blocks of on/off alternate in one process to cancel drift.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./paths.mjs";
import { median } from "./stats.mjs";

const { oursDir, blockMs, blocks } = JSON.parse(process.argv[2]);
const { RedisClient } = await import(pathToFileURL(join(oursDir, "entry.mjs")).href);

function sampleOf(action) {
  const spec = JSON.parse(readFileSync(join(repoRoot, "specs/redis/2018-04-12/actions", `${action}.json`), "utf8"));
  const sample = spec.samples?.find((s) => s.request !== undefined && s.response !== undefined);
  if (action === "DescribeTaskInfo") {
    return {
      request: { TaskId: 18215 },
      body: Buffer.from(JSON.stringify({ Response: sample?.response ?? { Status: "succeed", RequestId: "r" } })),
    };
  }
  if (sample === undefined) throw new Error(`specs: ${action} has no sample with request and response`);
  return { request: sample.request, body: Buffer.from(JSON.stringify({ Response: sample.response })) };
}

// The smallest request, a query with lists, and the largest sample request in the Redis specs.
const cases = ["DescribeTaskInfo", "DescribeInstanceEvents", "CreateInstances"];
const results = {};
for (const action of cases) {
  let request;
  let body;
  try {
    ({ request, body } = sampleOf(action));
  } catch (err) {
    results[action] = { error: err.message };
    continue;
  }
  const method = action[0].toLowerCase() + action.slice(1);
  const transport = { send: async () => ({ status: 200, body }) };
  const make = (validate) =>
    new RedisClient({
      region: "ap-guangzhou",
      credentials: { secretId: "AKIDvalidation", secretKey: "k" },
      rateLimit: false,
      transport,
      validate,
    });
  const on = make(true);
  const off = make(false);
  try {
    await on[method](request);
  } catch (err) {
    results[action] = { error: `${err.name}: ${err.message}` };
    continue;
  }
  const block = async (client) => {
    let calls = 0;
    const cpu0 = process.cpuUsage();
    const end = performance.now() + blockMs;
    while (performance.now() < end) {
      for (let i = 0; i < 50; i++) await client[method](request);
      calls += 50;
    }
    const cpu = process.cpuUsage(cpu0);
    return (cpu.user + cpu.system) / calls;
  };
  await block(on);
  await block(off);
  const perCall = { on: [], off: [] };
  for (let b = 0; b < blocks; b++) {
    perCall.on.push(await block(on));
    perCall.off.push(await block(off));
  }
  const members = JSON.stringify(request).match(/"[A-Za-z]+":/g)?.length ?? 0;
  results[action] = {
    members,
    onUs: median(perCall.on),
    offUs: median(perCall.off),
    deltaUs: median(perCall.on.map((x, i) => x - perCall.off[i])),
  };
}
process.stdout.write(JSON.stringify(results) + "\n");
