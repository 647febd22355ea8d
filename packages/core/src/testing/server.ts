import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Credentials } from "../credentials/types.js";
import { parseJson, stringifyJson } from "../json/index.js";
import { validateRequest } from "../validate/index.js";
import { shapesOf } from "../validate/shapes-of.js";
import { MockApiError } from "./api-error.js";
import { header1, verifySignature } from "./auth.js";
import { Collections } from "./collections.js";
import { Faults } from "./faults.js";
import { answer } from "./responder.js";
import { sendEvents, splitAnswer } from "./stream.js";
import { TaskStore } from "./tasks.js";
import type { MockCollections, MockRequestRecord, MockServer, MockServerOptions, MockServiceData } from "./types.js";

/** The real service refuses bodies above 10 MB. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Starts a local Tencent Cloud API 3.0 endpoint for one service on 127.0.0.1: it verifies TC3
 * signatures, validates requests against the spec, answers from the spec's samples, simulates
 * asynchronous tasks, and can inject errors and rate limits. Errors come in the service's own shape
 * (`{"Response":{"Error":{"Code","Message"},"RequestId"}}`, HTTP 200) with a fresh `RequestId`.
 */
export async function startMockServer<C extends object = MockCollections>(
  data: MockServiceData,
  options: MockServerOptions<C> = {},
): Promise<MockServer> {
  const now = options.now ?? Date.now;
  const keyList =
    options.credentials === undefined ? [randomCredentials()] : ([] as Credentials[]).concat(options.credentials);
  if (keyList.length === 0) throw new TypeError("startMockServer: credentials must hold at least one key pair");
  const keys = new Map(keyList.map((k) => [k.secretId, k]));
  const waiter = data.task?.waiter;
  const tasks = new TaskStore({
    now,
    durationMs: options.taskDurationMs ?? 2000,
    outcome: options.taskOutcome ?? "succeed",
    pendingStates: data.task?.pendingStates ?? ["preparing", "running"],
    successState: waiter?.success[0] ?? "succeed",
    failureState: waiter?.failure[0] ?? "failed",
  });
  const faults = new Faults();
  const collections = new Collections(data, {
    now,
    stateDurationMs: options.stateDurationMs ?? options.taskDurationMs ?? 2000,
    ...(options.collections === undefined
      ? {}
      : { given: options.collections as Readonly<Record<string, readonly unknown[]>> }),
  });
  const requests: MockRequestRecord[] = [];

  const handle = (
    req: IncomingMessage,
    body: Buffer | undefined,
  ): { record: MockRequestRecord; payload: unknown; events?: readonly object[] } => {
    const action = header1(req.headers["x-tc-action"]) ?? "";
    const region = header1(req.headers["x-tc-region"]) || undefined;
    const requestId = randomUUID();
    const receivedAt = now();
    let parsed: unknown;
    try {
      if (req.method !== "POST")
        throw new MockApiError("UnsupportedProtocol", "This local endpoint accepts POST requests only.");
      if (body === undefined)
        throw new MockApiError("RequestSizeLimitExceeded", `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
      verifySignature({ headers: req.headers, body }, keys, data.meta.service, receivedAt);
      if (!/^application\/json\b/i.test(header1(req.headers["content-type"]) ?? "")) {
        throw new MockApiError("UnsupportedProtocol", "This local endpoint accepts application/json bodies only.");
      }
      if (action === "") throw new MockApiError("MissingParameter", "The request is missing the X-TC-Action header.");
      const meta = data.actions[action];
      if (!meta)
        throw new MockApiError(
          "InvalidAction",
          `The action \`${action}\` does not exist in ${data.meta.service} ${data.meta.version}.`,
        );
      const version = header1(req.headers["x-tc-version"]);
      if (version !== data.meta.version) {
        throw new MockApiError(
          "NoSuchVersion",
          `The API version \`${version ?? ""}\` does not exist; this endpoint serves ${data.meta.version}.`,
        );
      }
      if (meta.regionRequired && region === undefined) {
        throw new MockApiError("MissingParameter", "The request is missing a required parameter `Region`.");
      }
      faults.check(action, receivedAt, options.enforceRateLimits ? meta.rateLimit : undefined);
      try {
        parsed = parseJson(body.toString("utf8"));
      } catch {
        throw new MockApiError("InvalidParameter", "The request body is not valid JSON.");
      }
      rejectInvalid(validateRequest(shapesOf(meta, data.meta), meta.input, parsed));
      const result = answer(data, collections, tasks, action, parsed as Record<string, unknown>);
      const record = { action, region, request: parsed, requestId, errorCode: undefined, receivedAt };
      const payload = { ...result, RequestId: requestId };
      const member = data.streams && Object.hasOwn(data.streams, action) ? data.streams[action] : undefined;
      if (member !== undefined && (parsed as Record<string, unknown>)[member] === true) {
        const given =
          options.streamEvents && Object.hasOwn(options.streamEvents, action)
            ? options.streamEvents[action]
            : undefined;
        return { record, payload, events: given ?? splitAnswer(payload) };
      }
      return { record, payload };
    } catch (error) {
      if (!(error instanceof MockApiError)) throw error;
      return {
        record: { action, region, request: parsed, requestId, errorCode: error.code, receivedAt },
        payload: { Error: { Code: error.code, Message: error.message }, RequestId: requestId },
      };
    }
  };

  const server = createServer((req, res) => {
    readBody(req)
      .then(
        (body) => {
          const { record, payload, events } = handle(req, body);
          requests.push(record);
          // The server's own clock, which a client corrects its signing clock by.
          res.setHeader("Date", new Date(now()).toUTCString());
          if (events) return sendEvents(res, events);
          send(res, 200, "application/json", stringifyJson({ Response: payload }));
        },
        () => res.destroy(),
      )
      .catch((error: unknown) => {
        // A bug in the endpoint itself: answer like a failing gateway instead of hanging the client.
        send(res, 500, "text/plain", `local endpoint error: ${error instanceof Error ? error.message : String(error)}`);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    endpoint: `http://${host}:${address.port}`,
    port: address.port,
    credentials: keyList[0]!,
    requests,
    tasks,
    failNext: (action, code, message) => faults.failNext(action, code, message),
    rateLimit: (action, perSecond) => faults.rateLimit(action, perSecond),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Maps validation problems to the code the service would answer: unknown members first
 * (`UnknownParameter`), then missing ones (`MissingParameter`), then wrong types (`InvalidParameter`).
 */
function rejectInvalid(problems: readonly string[]): void {
  if (problems.length === 0) return;
  const of = (suffix: RegExp) => problems.filter((p) => suffix.test(p));
  const unknown = of(/: unknown member/);
  const missing = of(/: required$/);
  const [code, listed] =
    unknown.length > 0
      ? ["UnknownParameter", unknown]
      : missing.length > 0
        ? ["MissingParameter", missing]
        : ["InvalidParameter", problems];
  throw new MockApiError(code, listed.join("; "));
}

/** The whole body, or `undefined` once it passed the size limit (the rest is drained, not kept). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function randomCredentials(): Credentials {
  return { secretId: `AKIDlocal${randomBytes(12).toString("hex")}`, secretKey: randomBytes(24).toString("base64url") };
}
