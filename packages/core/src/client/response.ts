import { type MalformedReason, MalformedResponseError } from "../errors/malformed-response-error.js";
import type { SdkError } from "../errors/sdk-error.js";
import { TencentCloudError } from "../errors/tencent-cloud-error.js";
import { JsonSyntaxError, parseJson } from "../json/parse.js";
import { redactText } from "./redact.js";

/** What one response meant: the `Response` object, or the error to throw (without call context yet). */
export type Outcome =
  | { readonly ok: true; readonly response: Record<string, unknown>; readonly requestId: string | undefined }
  | { readonly ok: false; readonly error: SdkError; readonly requestId: string | undefined };

const EXCERPT_CHARS = 200;
const decoder = new TextDecoder();

/**
 * Reads an API 3.0 answer: `{"Response": {..., "RequestId"}}` on success, `Response.Error` with
 * `Code`/`Message` on failure (whatever the HTTP status), both with `secrets` redacted. A 3xx, or
 * anything else, is a {@link MalformedResponseError} quoting a short excerpt with `secrets` redacted.
 */
export function interpretResponse(status: number, body: Uint8Array, secrets: readonly (string | undefined)[]): Outcome {
  const text = Buffer.isBuffer(body) ? body.toString("utf8") : decoder.decode(body);
  // Never followed (it could send the signed request and token elsewhere) and never retried.
  if (status >= 300 && status < 400)
    return malformed(status, "redirect", `HTTP ${status} redirect, which is not followed`, text, secrets);
  let document: unknown;
  try {
    document = parseJson(text);
  } catch (error) {
    const reason =
      error instanceof JsonSyntaxError && error.truncated && text.trimStart() !== "" ? "truncated" : "not-json";
    const what = reason === "truncated" ? "a truncated JSON body" : "a body that is not JSON";
    return malformed(status, reason, `HTTP ${status} with ${what}`, text, secrets, error);
  }
  const response = isObject(document) ? document["Response"] : undefined;
  if (!isObject(response)) {
    return malformed(status, "missing-response", `HTTP ${status} with JSON lacking a Response object`, text, secrets);
  }
  const requestId = typeof response["RequestId"] === "string" ? response["RequestId"] : undefined;
  const apiError = response["Error"];
  if (apiError === undefined) {
    if (status >= 200 && status < 300) return { ok: true, response, requestId };
    return malformed(status, "missing-response", `HTTP ${status} with a Response lacking Error`, text, secrets);
  }
  if (!isObject(apiError) || typeof apiError["Code"] !== "string") {
    return malformed(status, "missing-response", `HTTP ${status} with a Response.Error lacking Code`, text, secrets);
  }
  // A server or proxy may echo request headers into the error: redact before anything can show it
  // (err.message, inspect, toJSON, the debug logger and hooks all read these two fields).
  const error = new TencentCloudError({
    code: redactText(apiError["Code"], secrets),
    message: typeof apiError["Message"] === "string" ? redactText(apiError["Message"], secrets) : "",
    requestId: requestId ?? "",
    httpStatus: status,
  });
  return { ok: false, error, requestId };
}

function malformed(
  httpStatus: number,
  reason: MalformedReason,
  message: string,
  text: string,
  secrets: readonly (string | undefined)[],
  cause?: unknown,
): Outcome {
  // Redact the whole text before cutting, so no secret survives half-cut at the excerpt's end.
  const excerpt = redactText(text, secrets)
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s{2,}/g, " ")
    .trim()
    .slice(0, EXCERPT_CHARS);
  const error = new MalformedResponseError(`${message}: ${JSON.stringify(excerpt)}`, {
    httpStatus,
    reason,
    excerpt,
    ...(cause === undefined ? {} : { cause }),
  });
  return { ok: false, error, requestId: undefined };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
