/**
 * One attempt as middleware sees it, before it is signed. Change `params` or `headers` in place or
 * pass a new object to `next`; everything else is informational.
 */
export interface MiddlewareRequest {
  /** Signing service name, e.g. `redis`. */
  readonly service: string;
  /** API version, e.g. `2018-04-12`. */
  readonly version: string;
  /** Action name, e.g. `DescribeTaskInfo`. */
  readonly action: string;
  /** 1 for the first try, 2 for the first retry, … */
  readonly attempt: number;
  /** The `X-TC-TraceId` this attempt sends. */
  readonly traceId: string;
  /** Origin the request goes to, e.g. `https://redis.tencentcloudapi.com`. */
  readonly endpoint: string;
  /**
   * True for `invokeStream`: the service is asked for Server-Sent Events. If it starts a stream,
   * `next` resolves with an empty `response`; pass that answer on to let the events through, or
   * resolve with a `response` of your own to replace the stream with one event (it is then closed).
   */
  readonly stream?: boolean;
  /**
   * Request members, serialized and signed after the last middleware. Already validated: a change
   * here is sent as is.
   */
  params: Readonly<Record<string, unknown>>;
  /**
   * Extra headers to send (client and call `headers` included). Reserved names (`X-TC-*`,
   * `Authorization`, `Host`, `Content-Type`, `Content-Length`) fail the call with a `ConfigurationError`.
   */
  headers: Record<string, string>;
}

/** A successful answer as middleware sees it. */
export interface MiddlewareResponse {
  /** HTTP status (a cached answer may say 200). */
  readonly status: number;
  /** The `Response` object, `RequestId` included: what the call resolves with. */
  readonly response: Readonly<Record<string, unknown>>;
}

/** Passes a request to the next middleware, or to signing and sending after the last. */
export type MiddlewareNext = (request: MiddlewareRequest) => Promise<MiddlewareResponse>;

/**
 * Wraps every attempt, in the order given: the first middleware is the outermost. It runs after rate
 * limiting and credentials and before signing, may change the request, may read (or replace) the
 * response, and may answer without calling `next` (a cache). Failures arrive as rejections of
 * `next` with the SDK's typed errors; the retry policy sees what the outermost middleware throws
 * (an `SdkError` is judged as usual, anything else fails the call at once). Hooks still observe
 * what is actually sent.
 */
export type Middleware = (request: MiddlewareRequest, next: MiddlewareNext) => Promise<MiddlewareResponse>;

/** Runs `request` through `middleware` and then `last`. */
export function runMiddleware(
  middleware: readonly Middleware[],
  request: MiddlewareRequest,
  last: MiddlewareNext,
): Promise<MiddlewareResponse> {
  const step = (index: number, current: MiddlewareRequest): Promise<MiddlewareResponse> => {
    const handler = middleware[index];
    if (handler === undefined) return last(current);
    return handler(current, (next) => step(index + 1, next));
  };
  return step(0, request);
}
