import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The package a consumer installs, and what it must be able to do with it. */
export const CONSUMED_PACKAGE = "@org/tc-core";

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

// A one-action service handed to core's local endpoint: enough for a signed round trip through the published code.
const SERVICE = `{
  meta: {
    service: "demo",
    version: "2020-01-01",
    endpoint: "demo.tencentcloudapi.com",
    intlEndpoint: "demo.intl.tencentcloudapi.com",
    shapes: { EchoRequest: { Name: "!s" } },
  },
  actions: { Echo: { name: "Echo", rateLimit: 20, readOnly: true, input: "EchoRequest" } },
  samples: { Echo: [{ request: { Name: "x" }, response: { Greeting: "hello" } }] },
}`;

const CALL = `const server = await startMockServer(service);
  try {
    const client = new ServiceClient(service.meta, { region: "ap-guangzhou", endpoint: server.endpoint, credentials: server.credentials });
    const response = await client.invoke(service.actions.Echo, { Name: "x" });
    assert.equal(response.Greeting, "hello");
    assert.match(response.RequestId, /\\S/);
    client.close();
    const invalid = await new ServiceClient(service.meta, { endpoint: server.endpoint, credentials: server.credentials })
      .invoke(service.actions.Echo, {})
      .then(() => undefined, (error) => error);
    assert.ok(isValidationError(invalid), "a request without Name must fail validation before sending");
    assert.equal(server.requests.length, 1);
  } finally {
    await server.close();
  }`;

const FILES: Readonly<Record<string, string>> = {
  "smoke.cjs": `const assert = require("node:assert/strict");
const { ServiceClient, isValidationError } = require("${CONSUMED_PACKAGE}");
const { startMockServer } = require("${CONSUMED_PACKAGE}/testing");

const service = ${SERVICE};

async function main() {
  ${CALL}
}

main().then(() => console.log("require: ok"), (error) => { console.error(error); process.exitCode = 1; });
`,
  "smoke.mjs": `import assert from "node:assert/strict";
import { ServiceClient, isValidationError } from "${CONSUMED_PACKAGE}";
import { startMockServer } from "${CONSUMED_PACKAGE}/testing";

const service = ${SERVICE};

${CALL.replace(/^ {2}/gm, "")}
console.log("import: ok");
`,
  "types.mts": typesSource(),
  "types.cts": typesSource(),
};

function typesSource(): string {
  return `import { ServiceClient, type ServiceMeta } from "${CONSUMED_PACKAGE}";
import { startMockServer, type MockServiceData } from "${CONSUMED_PACKAGE}/testing";

const service: MockServiceData = ${SERVICE};

// @ts-expect-error ServiceMeta requires "service": proves the declarations were resolved, not typed as any.
const incomplete: ServiceMeta = { version: "2020-01-01", endpoint: "x", intlEndpoint: "x", shapes: {} };
void incomplete;

/** Calls the local endpoint and returns the request id. */
export async function call(): Promise<string> {
  const server = await startMockServer(service);
  const client = new ServiceClient(service.meta, { endpoint: server.endpoint, credentials: server.credentials });
  const action = service.actions["Echo"];
  if (action === undefined) throw new Error("no Echo action");
  const response = await client.invoke<{ Greeting: string; RequestId: string }>(action, { Name: "x" });
  await server.close();
  return response.RequestId;
}
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
