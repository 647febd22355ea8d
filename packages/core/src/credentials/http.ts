import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** One request a credential source makes (CVM metadata, unsigned STS). */
export interface CredentialHttpRequest {
  /** Absolute URL: the metadata service, the OIDC or STS endpoint. */
  readonly url: string;
  /** HTTP method; the credential sources only read (`GET`) or call STS (`POST`). */
  readonly method: "GET" | "POST";
  /** Request headers, sent as given. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Request body, e.g. an STS call's JSON. May hold a token: never log it. */
  readonly body?: string;
  /** Whole-request budget including DNS and connect. */
  readonly timeoutMs: number;
  /** Aborts the request; the fetcher rejects promptly when it fires. */
  readonly signal?: AbortSignal;
}

/** Status and text body. Bodies may hold secrets: never put them in errors or logs. */
export interface CredentialHttpResponse {
  /** HTTP status code. */
  readonly status: number;
  /** The whole body as text. */
  readonly body: string;
}

/** Replaceable HTTP layer of the credential sources, for tests and runtimes without `node:http`. */
export type CredentialFetcher = (request: CredentialHttpRequest) => Promise<CredentialHttpResponse>;

/** Failure of a {@link CredentialFetcher} before a response arrived. */
export class CredentialHttpError extends Error {
  /** `timeout`, `aborted`, or the socket error code such as `ENOTFOUND` / `ECONNREFUSED`. */
  readonly code: string;

  constructor(code: string, cause?: unknown) {
    super(`HTTP request failed: ${code}`, cause === undefined ? undefined : { cause });
    this.name = "CredentialHttpError";
    this.code = code;
  }
}

/** What went wrong in a fetch, for messages: a {@link CredentialHttpError}'s code, else `network error`. */
export function fetchFailureCode(error: unknown): string {
  return error instanceof CredentialHttpError ? error.code : "network error";
}

/** Metadata and STS answers are small; anything bigger is not what we asked for. */
const MAX_BODY_BYTES = 1 << 20;

/**
 * Default {@link CredentialFetcher} on `node:http`/`node:https`. A fresh connection per call:
 * these calls happen once per credential lifetime, so pooling buys nothing.
 */
export const nodeFetcher: CredentialFetcher = (req) =>
  new Promise((resolve, reject) => {
    const timeout = AbortSignal.timeout(req.timeoutMs);
    const signal = req.signal === undefined ? timeout : AbortSignal.any([timeout, req.signal]);
    const fail = (error: unknown): void => {
      const code = timeout.aborted
        ? "timeout"
        : req.signal?.aborted
          ? "aborted"
          : String((error as { code?: unknown }).code ?? "network error");
      reject(new CredentialHttpError(code, error));
    };
    if (signal.aborted) {
      fail(signal.reason);
      return;
    }
    const url = new URL(req.url);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    // The body goes in one `end(body)` before anything was written, so Node sends its Content-Length
    // itself (not chunked encoding).
    const outgoing = send(url, { method: req.method, headers: { ...req.headers }, signal, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          res.destroy(new CredentialHttpError("response too large"));
          return;
        }
        chunks.push(chunk);
      });
      res.on("error", fail);
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    outgoing.on("error", fail);
    outgoing.end(req.body);
  });
