// Signing throughput of one signer in its own process. Each signs the DescribeTaskInfo request the
// way its client does per call: ours and the floor take the body bytes; the peer's `Sign.sign3`
// takes the request object and serialises it itself (that is part of its per-call signing cost).
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { benchDir } from "./paths.mjs";
import { createSigner } from "./tc3.mjs";

const { who, durationMs, oursDir } = JSON.parse(process.argv[2]);
const secretId = "AKIDbenchmark00000000000000000000000";
const secretKey = "bench-secret-key-not-a-real-one0";
const timestamp = Math.floor(Date.now() / 1000);
const params = { TaskId: 18215 };
const body = Buffer.from(JSON.stringify(params));
const host = "redis.tencentcloudapi.com";

async function signerFor(name) {
  if (name === "floor") {
    const sign = createSigner({ secretId, secretKey, service: "redis" });
    return () => sign({ host, contentType: "application/json", body, timestamp });
  }
  if (name === "peer") {
    const require = createRequire(join(benchDir, "package.json"));
    const Sign = require("tencentcloud-sdk-nodejs/tencentcloud/common/sign.js").default;
    const headers = { "Content-Type": "application/json" };
    return () =>
      Sign.sign3({
        method: "POST",
        url: `https://${host}/`,
        payload: params,
        timestamp,
        service: "redis",
        secretId,
        secretKey,
        multipart: false,
        headers,
      });
  }
  const { signTc3 } = await import(pathToFileURL(join(oursDir, "core-entry.mjs")).href);
  const input = {
    secretId,
    secretKey,
    service: "redis",
    host,
    action: "DescribeTaskInfo",
    version: "2018-04-12",
    region: "ap-guangzhou",
    timestamp,
    contentType: "application/json",
    body,
    requestClient: "bench",
  };
  return () => signTc3(input);
}

const sign = await signerFor(who);
let sink = 0;
const spin = (ms) => {
  let ops = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 200; i++) sink ^= (sign(), 1);
    ops += 200;
  }
  return ops;
};
spin(Math.min(500, durationMs / 4));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const ops = spin(durationMs);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuUs = cpu.user + cpu.system;
// Ops per CPU second as well as per wall second: on a shared machine the spin loop can be descheduled,
// which lowers the wall figure without the signer being any slower.
process.stdout.write(
  JSON.stringify({
    who,
    ops,
    opsPerSec: (ops / wallMs) * 1000,
    opsPerCpuSec: (ops / cpuUs) * 1e6,
    cpuUsPerOp: cpuUs / ops,
    sink,
  }) + "\n",
);
