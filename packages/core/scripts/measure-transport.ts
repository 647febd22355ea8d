/**
 * CPU cost per call of each HTTP layer against a loopback API 3.0 server running in a child process
 * (so its CPU is not counted). Prints a markdown table for the package README.
 *
 *   node --import tsx packages/core/scripts/measure-transport.ts [--calls 10000] [--rounds 3] [--concurrency 1]
 *
 * undici is optional and not a dependency: point UNDICI_PATH at an installed copy to include it, e.g.
 * `npm i --prefix /tmp/undici-bench undici@7` then UNDICI_PATH=/tmp/undici-bench/node_modules/undici.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import {
  type ActionMeta,
  FetchTransport,
  NodeHttpTransport,
  parseEndpoint,
  ServiceClient,
  type ServiceMeta,
  type Transport,
  type TransportRequest,
} from "../src/index.js";

const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "10000" },
    rounds: { type: "string", default: "3" },
    concurrency: { type: "string", default: "1" },
  },
});
const CALLS = Number(values.calls);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);

const SERVER = `
const http = require("node:http");
const body = JSON.stringify({ Response: { Status: "succeed", TaskId: 1234567, InstanceId: "crs-abcdefgh", RequestId: "6ef60bec-0242-43af-bb20-270359fb54a7" } });
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.send(server.address().port));
`;

const meta: ServiceMeta = {
  service: "redis",
  version: "2018-04-12",
  endpoint: "redis.tencentcloudapi.com",
  intlEndpoint: "redis.intl.tencentcloudapi.com",
  shapes: { DescribeTaskInfoRequest: { TaskId: "!u" } },
};
const action: ActionMeta = {
  name: "DescribeTaskInfo",
  rateLimit: 20,
  readOnly: true,
  input: "DescribeTaskInfoRequest",
};

interface UndiciLike {
  Agent: new (options: object) => { close(): Promise<void> };
  request(url: string, options: object): Promise<{ statusCode: number; body: { arrayBuffer(): Promise<ArrayBuffer> } }>;
}

/** A transport on undici's `request` with a keep-alive Agent, for comparison only. */
function undiciTransport(undici: UndiciLike): Transport {
  const dispatcher = new undici.Agent({ keepAliveTimeout: 60_000 });
  return {
    async send(request: TransportRequest) {
      const { Host: _host, ...headers } = request.headers;
      const res = await undici.request(`${request.endpoint.origin}/`, {
        method: "POST",
        headers,
        body: request.body,
        dispatcher,
        headersTimeout: request.timeoutMs,
      });
      return { status: res.statusCode, body: new Uint8Array(await res.body.arrayBuffer()) };
    },
    close: () => void dispatcher.close(),
  };
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve(Number(m))));
  const origin = `http://127.0.0.1:${port}`;
  const endpoint = parseEndpoint(origin);
  const body = Buffer.from('{"TaskId":1234567}');
  const raw: TransportRequest = {
    endpoint,
    headers: {
      Host: endpoint.host,
      "Content-Type": "application/json; charset=utf-8",
      "X-TC-Action": "DescribeTaskInfo",
    },
    body,
    timeoutMs: 60_000,
  };

  const transports: [string, Transport][] = [
    ["node:http keep-alive Agent", new NodeHttpTransport()],
    ["global fetch", new FetchTransport()],
  ];
  const undiciPath = process.env["UNDICI_PATH"];
  if (undiciPath)
    transports.push(["undici.request + Agent", undiciTransport((await import(undiciPath)) as UndiciLike)]);

  const contenders: [string, () => Promise<unknown>][] = [];
  for (const [name, transport] of transports) contenders.push([`${name}: raw send`, () => transport.send(raw)]);
  for (const [name, transport] of transports) {
    const client = new ServiceClient(meta, {
      endpoint: origin,
      credentials: { secretId: "AKIDMEASURE", secretKey: "measure-secret" },
      region: "ap-guangzhou",
      rateLimit: false,
      transport,
    });
    contenders.push([`${name}: ServiceClient.invoke`, () => client.invoke(action, { TaskId: 1234567 })]);
  }

  const results = new Map<string, { cpu: number[]; wall: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, call] of contenders) {
      await run(call, Math.min(1000, CALLS));
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await run(call, CALLS);
      const wall = ((performance.now() - t0) * 1000) / CALLS;
      const used = process.cpuUsage(cpu0);
      const cpu = (used.user + used.system) / CALLS;
      const entry = results.get(name) ?? { cpu: [], wall: [] };
      entry.cpu.push(cpu);
      entry.wall.push(wall);
      results.set(name, entry);
    }
  }

  console.log(`node ${process.version}, ${CALLS} calls × ${ROUNDS} rounds, concurrency ${CONCURRENCY}, medians`);
  console.log("| contender | CPU µs/call | wall µs/call |");
  console.log("| --- | ---: | ---: |");
  for (const [name, { cpu, wall }] of results)
    console.log(`| ${name} | ${median(cpu).toFixed(0)} | ${median(wall).toFixed(0)} |`);

  for (const [, transport] of transports) transport.close?.();
  child.kill();
}

async function run(call: () => Promise<unknown>, calls: number): Promise<void> {
  const perWorker = Math.ceil(calls / CONCURRENCY);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = 0; i < perWorker; i++) await call();
    }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

await main();
