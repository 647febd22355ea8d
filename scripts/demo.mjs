// `npm run demo`: regenerate @org/tc-redis from specs/, build everything, start the local
// Tencent Cloud endpoint and run each program under examples/ against it.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

function step(title) {
  console.log(`\n\x1b[1m== ${title}\x1b[0m`);
}

/** Instances the local endpoint lists for DescribeInstances: five, so pages of two cross three pages. */
const demoInstances = Array.from({ length: 5 }, (_, i) => ({
  InstanceId: `crs-demo000${i + 1}`,
  InstanceName: `demo-${i + 1}`,
  Size: 1024 * (i + 1),
  Status: 2,
  RegionId: 1,
  ZoneId: 100003,
  WanIp: `10.0.0.${i + 1}`,
  Port: 6379,
}));

const examples = [
  { file: "describe-task", title: "Describe a task" },
  { file: "clear-and-wait", title: "Clear an instance and wait for its task" },
  { file: "list-instances", title: "Iterate all instances, page by page" },
  { file: "create-and-wait", title: "Create an instance, then wait until it is running" },
  {
    file: "typed-errors",
    title: "Catch a typed error and branch on its code",
    before: (server) =>
      server.failNext(
        "DescribeInstanceParams",
        "ResourceNotFound.InstanceNotExists",
        "No Redis instance is found by the serialId.",
      ),
  },
  { file: "validation-error", title: "A request the SDK rejects before sending" },
  { file: "modular", title: "The modular form: bare client + standalone functions" },
  { file: "proxy-call", title: "A call through an HTTP proxy (CONNECT tunnel)" },
  { file: "streamed-answer", title: "A streamed answer: Hunyuan ChatTranslations with Stream: true" },
  {
    file: "common-client",
    title: "CommonClient on a service we did not generate (TAT)",
    before: (_server, tat) =>
      tat.failNext(
        "RunCommand",
        "InvalidParameterValue.AgentUnsupportedCommandType",
        "The automation agent does not support this command type.",
      ),
  },
];

/** A service without a generated package, as core's local endpoint sees it: two TAT actions. */
const tatService = {
  meta: {
    service: "tat",
    version: "2020-10-28",
    endpoint: "tat.tencentcloudapi.com",
    intlEndpoint: "tat.intl.tencentcloudapi.com",
    shapes: { DescribeRegionsRequest: {}, RunCommandRequest: { Content: "!s", InstanceIds: "[s" } },
  },
  actions: {
    DescribeRegions: { name: "DescribeRegions", rateLimit: 20, readOnly: true, input: "DescribeRegionsRequest" },
    RunCommand: { name: "RunCommand", rateLimit: 20, readOnly: false, input: "RunCommandRequest" },
  },
  samples: {
    DescribeRegions: [
      {
        request: {},
        response: {
          TotalCount: 2,
          RegionSet: [
            { Region: "ap-guangzhou", RegionName: "Guangzhou", RegionState: "AVAILABLE" },
            { Region: "ap-shanghai", RegionName: "Shanghai", RegionState: "AVAILABLE" },
          ],
        },
      },
    ],
    RunCommand: [{ request: { Content: "ZWNobyBoZWxsbw==", InstanceIds: ["ins-demo0001"] }, response: {} }],
  },
};

async function main() {
  // turbo runs the generator first (build depends on //#generate), then builds core, redis and the examples.
  step("Regenerate the packages from specs/, build @org/tc-core, @org/tc-redis, @org/tc-hunyuan and the examples");
  await run(npm, ["exec", "--", "turbo", "run", "build", "--filter=@org/tc-examples...", "--output-logs=errors-only"], {
    TURBO_TELEMETRY_DISABLED: "1",
  });

  step("Start the local Tencent Cloud endpoint");
  const { startMockServer } = await import("@org/tc-redis/testing");
  const server = await startMockServer({
    taskDurationMs: 2500,
    stateDurationMs: 2500,
    collections: { DescribeInstances: demoInstances },
  });
  console.log(`listening on ${server.endpoint} (TC3 signatures verified, tasks and instance states simulated)`);
  const { startMockServer: startCoreMockServer } = await import("@org/tc-core/testing");
  const tat = await startCoreMockServer(tatService, { credentials: server.credentials });
  console.log(`and a TAT endpoint on ${tat.endpoint}`);
  const { startMockServer: startHunyuan } = await import("@org/tc-hunyuan/testing");
  const hunyuan = await startHunyuan({ credentials: server.credentials });
  console.log(`and a Hunyuan endpoint on ${hunyuan.endpoint} (streams Server-Sent Events)`);
  // A real HTTP proxy (the \`proxy\` package, a dev dependency) that reports each tunnel it opens.
  const { createProxy } = await import("proxy");
  const http = await import("node:http");
  const proxy = createProxy(http.createServer());
  proxy.on("connect", (req) => console.log(`proxy: CONNECT ${req.url}`));
  await new Promise((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const env = {
    TC_DEMO_PROXY: `http://127.0.0.1:${proxy.address().port}`,
    TC_TAT_ENDPOINT: tat.endpoint,
    TC_HUNYUAN_ENDPOINT: hunyuan.endpoint,
    TC_REDIS_ENDPOINT: server.endpoint,
    TENCENTCLOUD_SECRET_ID: server.credentials.secretId,
    TENCENTCLOUD_SECRET_KEY: server.credentials.secretKey,
  };
  try {
    for (const example of examples) {
      step(`${example.title}  (examples/src/${example.file}.ts)`);
      example.before?.(server, tat);
      await run(process.execPath, [path.join("examples", "dist", `${example.file}.js`)], env);
    }
  } finally {
    await server.close();
    await tat.close();
    await hunyuan.close();
    await new Promise((resolve) => proxy.close(resolve));
  }
  const served = server.requests.length + tat.requests.length + hunyuan.requests.length;
  console.log(
    `\n\x1b[1mdemo: ${examples.length} examples ran against the local endpoints; ${served} API requests served.\x1b[0m`,
  );
}

main().catch((err) => {
  console.error(`\ndemo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
