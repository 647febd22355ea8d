import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The package a consumer installs, and what it must be able to do with it. */
export const CONSUMED_PACKAGE = "@org/tc-redis";

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

// A signed round trip, a typed server error and a validation failure, all through the published code.
const CALLS = `const server = await startMockServer();
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
  }`;

const FILES: Readonly<Record<string, string>> = {
  "smoke.cjs": `const assert = require("node:assert/strict");
const { RedisClient, isRedisError, isValidationError } = require("${CONSUMED_PACKAGE}");
const { startMockServer } = require("${CONSUMED_PACKAGE}/testing");

async function main() {
  ${CALLS}
}

main().then(() => console.log("require: ok"), (error) => { console.error(error); process.exitCode = 1; });
`,
  "smoke.mjs": `import assert from "node:assert/strict";
import { RedisClient, isRedisError, isValidationError } from "${CONSUMED_PACKAGE}";
import { startMockServer } from "${CONSUMED_PACKAGE}/testing";

${CALLS.replace(/^ {2}/gm, "")}
console.log("import: ok");
`,
  "types.mts": typesSource(),
  "types.cts": typesSource(),
};

function typesSource(): string {
  return `import { RedisClient, isRedisError, type DescribeTaskInfoResponse } from "${CONSUMED_PACKAGE}";
import { startMockServer } from "${CONSUMED_PACKAGE}/testing";

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

// @ts-expect-error TaskId is required: proves the declarations resolved to real types, not \`any\`.
export const missingTaskId = (redis: RedisClient) => redis.describeTaskInfo({});
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
