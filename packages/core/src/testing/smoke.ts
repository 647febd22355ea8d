import type { Credentials } from "../credentials/types.js";
import { isValidationError } from "../validate/validation-error.js";
import type { MockSample, MockServer } from "./types.js";

/** One action for {@link smokeCalls}: how to call it, and a request to fall back on. */
export interface SmokeCall {
  /** Wire name, e.g. `DescribeInstances`: the key of its samples. */
  readonly action: string;
  /** Client method, e.g. `describeInstances`. */
  readonly method: string;
  /** A request built from the members' documented examples (every required member set). */
  readonly example: Readonly<Record<string, unknown>>;
}

/** What {@link smokeCalls} passes a client class: the local endpoint, its key pair, a region, no retries, a 10 s deadline. */
export interface SmokeClientOptions {
  readonly endpoint: string;
  readonly credentials: Credentials;
  readonly region: string;
  readonly retry: false;
  readonly timeoutMs: number;
}

/** Options of {@link smokeCalls}. */
export interface SmokeCallsOptions {
  /** A generated client class (validation on by default), e.g. `CvmClient`. */
  readonly Client: new (
    options: SmokeClientOptions,
  ) => { close(): void };
  /** The same version's local endpoint (`startMockServer` of its `/testing` entry); it verifies signatures. */
  readonly startMockServer: () => Promise<MockServer>;
  /** Every action to call, in order. */
  readonly calls: readonly SmokeCall[];
  /** The spec's samples by wire name; an action's first sample is its first request. */
  readonly samples: Readonly<Record<string, readonly MockSample[]>>;
  /** Stops between calls. */
  readonly signal?: AbortSignal;
}

/** What {@link smokeCalls} saw. */
export interface SmokeReport {
  /** Actions that answered as expected. */
  readonly passed: number;
  /** One line per action that did not: `<Action>: <error name> [code]: <first line of the message>`. */
  readonly failures: readonly string[];
  /**
   * Actions whose first sample the client rejected before sending because it contradicts the
   * members (an upstream defect the importer reports): each was called again with its example
   * request, and only that second call counts.
   */
  readonly rejectedSamples: readonly string[];
}

type Method = (this: object, request: object) => Promise<unknown>;

/**
 * Starts a version's local endpoint and calls every action through its generated client, each with
 * its first sample's request (else its example request), and checks each answer: a response carrying
 * a `RequestId`, or for a streamed answer at least one event. A sample the client rejects as invalid
 * before sending is retried with the example request. Client and endpoint are closed before it
 * returns. Shared by every generated package's smoke test and `npm run catalogue:check`.
 */
export async function smokeCalls(options: SmokeCallsOptions): Promise<SmokeReport> {
  const server = await options.startMockServer();
  try {
    const client = new options.Client({
      endpoint: server.endpoint,
      credentials: server.credentials,
      region: "ap-guangzhou",
      retry: false,
      timeoutMs: 10_000,
    });
    try {
      return await callEach(client, options);
    } finally {
      client.close();
    }
  } finally {
    await server.close();
  }
}

async function callEach(client: object, options: SmokeCallsOptions): Promise<SmokeReport> {
  const { calls, samples, signal } = options;
  const failures: string[] = [];
  const rejectedSamples: string[] = [];
  let passed = 0;
  for (const { action, method, example } of calls) {
    signal?.throwIfAborted();
    const fn = (client as Record<string, unknown>)[method];
    if (typeof fn !== "function") {
      failures.push(`${action}: the client has no method ${method}`);
      continue;
    }
    const sample = Object.hasOwn(samples, action) ? samples[action]?.[0]?.request : undefined;
    let outcome = await callOnce(client, fn as Method, action, sample ?? example);
    if (outcome.rejected && sample !== undefined) {
      rejectedSamples.push(outcome.failure);
      outcome = await callOnce(client, fn as Method, action, example);
    }
    if (outcome.failure === "") passed += 1;
    else failures.push(outcome.failure);
  }
  return { passed, failures, rejectedSamples };
}

interface Outcome {
  /** Empty when the action answered as expected. */
  readonly failure: string;
  /** The client refused the request before sending it. */
  readonly rejected: boolean;
}

async function callOnce(client: object, method: Method, action: string, request: object): Promise<Outcome> {
  try {
    const answer = await method.call(client, request);
    return { failure: await checkAnswer(action, answer), rejected: false };
  } catch (err) {
    const e = err as { name?: unknown; code?: unknown; message?: unknown };
    const name = typeof e.name === "string" ? e.name : "Error";
    const code = typeof e.code === "string" ? ` ${e.code}` : "";
    const message = typeof e.message === "string" ? e.message : String(err);
    return { failure: `${action}: ${name}${code}: ${firstLine(message)}`, rejected: isValidationError(err) };
  }
}

/** Empty when the answer is a response with a `RequestId`, or a stream that delivered at least one event. */
async function checkAnswer(action: string, answer: unknown): Promise<string> {
  if (answer !== null && typeof answer === "object" && Symbol.asyncIterator in answer) {
    let events = 0;
    for await (const _ of answer as AsyncIterable<unknown>) events += 1;
    return events > 0 ? "" : `${action}: the stream ended without an event`;
  }
  const requestId = (answer as { RequestId?: unknown } | null)?.RequestId;
  return typeof requestId === "string" && requestId !== "" ? "" : `${action}: response without RequestId`;
}

function firstLine(text: string): string {
  // Under a heading such as "Invalid x request (2 problems):", the first item is the reason.
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const line = lines[0]?.endsWith(":") && lines[1] ? `${lines[0]} ${lines[1]}` : (lines[0] ?? "");
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
