import { parseArgs } from "node:util";
import { startMockServer } from "./server.js";
import type { MockServerOptions, MockServiceData } from "./types.js";

/** Where the command line helper writes and what stops it; replaced in tests. */
export interface MockCliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Resolves when the server should stop; default: the first SIGINT or SIGTERM. */
  readonly stopped?: Promise<void>;
  /** Environment read for `TENCENTCLOUD_SECRET_ID`/`TENCENTCLOUD_SECRET_KEY`; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const USAGE = `Options:
  --port <n>            port to listen on (default: any free port)
  --host <addr>         interface to listen on (default: 127.0.0.1)
  --task-duration <ms>  time from a task's start to its outcome (default: 2000)
  --fail-tasks          make every task end failed
  --rate-limits         enforce each action's rate limit from the spec
  --json                print one JSON line {endpoint, secretId, secretKey} instead of text
  --help                show this help
Accepts the key pair in TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY when both are set;
otherwise generates a throwaway pair for this run and prints it.`;

/**
 * Runs the local endpoint from a command line (the body of a generated `tc-<service>-mock` bin):
 * parses `argv`, prints the endpoint and credentials, and keeps serving until SIGINT or SIGTERM.
 * Resolves with the process exit code: 0 after a clean stop, 2 on bad arguments.
 */
export async function runMockServerCli(
  data: MockServiceData,
  argv: readonly string[],
  io?: MockCliIo,
): Promise<number> {
  const out = io?.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = io?.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const env = io?.env ?? process.env;

  let options: MockServerOptions;
  let json: boolean;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "task-duration": { type: "string" },
        "fail-tasks": { type: "boolean" },
        "rate-limits": { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean" },
      },
    });
    if (values.help) {
      out(USAGE);
      return 0;
    }
    const secretId = env["TENCENTCLOUD_SECRET_ID"];
    const secretKey = env["TENCENTCLOUD_SECRET_KEY"];
    options = {
      ...(values.port === undefined ? {} : { port: integer("--port", values.port, 65535) }),
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(values["task-duration"] === undefined
        ? {}
        : { taskDurationMs: integer("--task-duration", values["task-duration"]) }),
      ...(values["fail-tasks"] ? { taskOutcome: "failed" as const } : {}),
      ...(values["rate-limits"] ? { enforceRateLimits: true } : {}),
      ...(secretId && secretKey ? { credentials: { secretId, secretKey } } : {}),
    };
    json = values.json ?? false;
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }

  const server = await startMockServer(data, options);
  const { secretId, secretKey } = server.credentials;
  const generated = options.credentials === undefined;
  if (json) {
    out(JSON.stringify({ endpoint: server.endpoint, secretId, ...(generated ? { secretKey } : {}) }));
  } else {
    out(`Local ${data.meta.service} ${data.meta.version} endpoint: ${server.endpoint}`);
    out(`  TENCENTCLOUD_SECRET_ID=${secretId}`);
    out(
      generated
        ? `  TENCENTCLOUD_SECRET_KEY=${secretKey}   (throwaway key of this run)`
        : "  secret key: from TENCENTCLOUD_SECRET_KEY",
    );
    out("Press Ctrl+C to stop.");
  }

  await (io?.stopped ?? signalled());
  await server.close();
  return 0;
}

function integer(flag: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max)
    throw new TypeError(`${flag} expects an integer from 0 to ${max}, got "${text}"`);
  return value;
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
