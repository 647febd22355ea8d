import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The packages a consumer installs: Redis, CVM, and CLB (whose root and `/2018-03-17` entries are two API versions). */
export const CONSUMED_PACKAGES = ["@org/tc-redis", "@org/tc-cvm", "@org/tc-clb"] as const;

/** Settings of the consumer project. */
export interface ConsumerOptions {
  /** Registry that serves the `@org` scope (and only that scope). */
  registryUrl: string;
  /** The repository's `node_modules/@types`, so the consumer type-checks against the same @types/node. */
  typeRoots: string;
}

/** Scripts `node` runs in the consumer; each exits non-zero with an assertion message when a check fails. */
export const RUNTIME_CHECKS = ["smoke.cjs", "smoke.mjs"] as const;

/** TypeScript projects the consumer type-checks with `tsc -p`. */
export const TYPE_CHECKS = ["tsconfig.node16.json", "tsconfig.bundler.json"] as const;

/** What each runtime check loads, by local name: `[module, export]`. */
const BINDINGS: ReadonlyArray<readonly [local: string, module: string, name: string]> = [
  ["RedisClient", "@org/tc-redis", "RedisClient"],
  ["isRedisError", "@org/tc-redis", "isRedisError"],
  ["isValidationError", "@org/tc-redis", "isValidationError"],
  ["startRedis", "@org/tc-redis/testing", "startMockServer"],
  ["CvmClient", "@org/tc-cvm", "CvmClient"],
  ["startCvm", "@org/tc-cvm/testing", "startMockServer"],
  ["ClbClient", "@org/tc-clb", "ClbClient"],
  ["startClb", "@org/tc-clb/testing", "startMockServer"],
  ["Clb2018Client", "@org/tc-clb/2018-03-17", "ClbClient"],
  ["startClb2018", "@org/tc-clb/2018-03-17/testing", "startMockServer"],
];

// Through the published code: a signed round trip, a typed server error and a validation failure (Redis);
// a CVM call; the CLB root (2023-04-17) and its 2018-03-17 entry, each against its own local endpoint.
const CALLS = `const server = await startRedis();
  try {
    const redis = new RedisClient({ region: "ap-guangzhou", endpoint: server.endpoint, credentials: server.credentials });
    const task = await redis.describeTaskInfo({ TaskId: 18215 });
    assert.equal(typeof task.Status, "string");
    assert.match(task.RequestId, /\\S/);
    server.failNext("DescribeTaskInfo", "FailedOperation.SystemError");
    const failed = await redis.describeTaskInfo({ TaskId: 1 }).then(() => undefined, (error) => error);
    assert.ok(isRedisError(failed, "describeTaskInfo"), "a server error must surface as a typed Redis error");
    assert.equal(failed.code, "FailedOperation.SystemError");
    assert.match(failed.requestId, /\\S/);
    const sent = server.requests.length;
    const invalid = await redis.describeTaskInfo({}).then(() => undefined, (error) => error);
    assert.ok(isValidationError(invalid), "a request without TaskId must fail validation");
    assert.equal(server.requests.length, sent, "nothing may be sent for an invalid request");
    redis.close();
  } finally {
    await server.close();
  }
  for (const [Client, start, call, version] of [
    [CvmClient, startCvm, (c) => c.describeZones(), "2017-03-12"],
    [ClbClient, startClb, (c) => c.describeLoadBalancers(), "2023-04-17"],
    [Clb2018Client, startClb2018, (c) => c.describeListeners({ LoadBalancerId: "lb-aniq1234" }), "2018-03-17"],
  ]) {
    const local = await start();
    const client = new Client({ region: "ap-guangzhou", endpoint: local.endpoint, credentials: local.credentials });
    try {
      const response = await call(client);
      assert.match(response.RequestId, /\\S/);
      assert.equal(local.requests.length, 1);
      assert.equal(local.requests[0].errorCode, undefined, \`\${version}: the call must be accepted (signature, version)\`);
    } finally {
      client.close();
      await local.close();
    }
  }`;

const FILES: Readonly<Record<string, string>> = {
  "smoke.cjs": `const assert = require("node:assert/strict");
${BINDINGS.map(([local, module, name]) => `const { ${name === local ? name : `${name}: ${local}`} } = require("${module}");`).join("\n")}

async function main() {
  ${CALLS}
}

main().then(() => console.log("require: ok"), (error) => { console.error(error); process.exitCode = 1; });
`,
  "smoke.mjs": `import assert from "node:assert/strict";
${BINDINGS.map(([local, module, name]) => `import { ${name === local ? name : `${name} as ${local}`} } from "${module}";`).join("\n")}

${CALLS.replace(/^ {2}/gm, "")}
console.log("import: ok");
`,
  "types.mts": typesSource(),
  "types.cts": typesSource(),
};

function typesSource(): string {
  return `import { RedisClient, isRedisError, type DescribeTaskInfoResponse } from "@org/tc-redis";
import { startMockServer } from "@org/tc-redis/testing";
import { CvmClient, type DescribeZonesResponse } from "@org/tc-cvm";
import { ClbClient } from "@org/tc-clb";
import { ClbClient as Clb2018Client, type DescribeListenersResponse } from "@org/tc-clb/2018-03-17";

/** Asks the local endpoint for a task's status, or returns the error code it answered with. */
export async function taskStatus(taskId: number): Promise<string> {
  const server = await startMockServer();
  const redis = new RedisClient({ region: "ap-guangzhou", endpoint: server.endpoint, credentials: server.credentials });
  try {
    const response: DescribeTaskInfoResponse = await redis.describeTaskInfo({ TaskId: taskId });
    return response.Status;
  } catch (error) {
    if (isRedisError(error, "describeTaskInfo")) return error.code;
    throw error;
  } finally {
    redis.close();
    await server.close();
  }
}

export const zones = (cvm: CvmClient): Promise<DescribeZonesResponse> => cvm.describeZones();
export const listeners = (clb: Clb2018Client): Promise<DescribeListenersResponse> => clb.describeListeners({ LoadBalancerId: "lb-1" });

// @ts-expect-error TaskId is required: proves the declarations resolved to real types, not \`any\`.
export const missingTaskId = (redis: RedisClient) => redis.describeTaskInfo({});
// @ts-expect-error the root is CLB 2023-04-17, which has no DescribeListeners: the two entries are distinct versions.
export const notInRoot = (clb: ClbClient) => clb.describeListeners({ LoadBalancerId: "lb-1" });
`;
}

function tsconfig(options: ConsumerOptions, module: string, moduleResolution: string, files: string[]): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2022"],
        module,
        moduleResolution,
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ["node"],
        typeRoots: [options.typeRoots],
      },
      files,
    },
    null,
    2,
  )}\n`;
}

/**
 * Writes a fresh consumer project: `.npmrc` scoping only `@org` to the local registry, runtime checks for
 * `require` and `import` that call through the published package against its local endpoint, and TypeScript
 * sources checked under `node16` (ESM and CJS files) and `bundler` resolution with `strict`.
 */
export function writeConsumer(dir: string, options: ConsumerOptions): void {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    ...FILES,
    "package.json": `${JSON.stringify({ name: "tc-publish-e2e-consumer", version: "0.0.0", private: true, type: "module" }, null, 2)}\n`,
    ".npmrc": `@org:registry=${options.registryUrl}\n`,
    "tsconfig.node16.json": tsconfig(options, "node16", "node16", ["types.mts", "types.cts"]),
    "tsconfig.bundler.json": tsconfig(options, "preserve", "bundler", ["types.mts"]),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}
