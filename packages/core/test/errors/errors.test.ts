import { inspect } from "node:util";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  ConfigurationError,
  isMalformedResponseError,
  isNetworkError,
  isRequestAbortedError,
  isSdkError,
  isTencentCloudError,
  isTimeoutError,
  MalformedResponseError,
  NetworkError,
  type OpenErrorCode,
  RequestAbortedError,
  SdkError,
  TencentCloudError,
  TimeoutError,
} from "../../src/errors/index.js";

const apiError = () =>
  new TencentCloudError<"ResourceNotFound" | "InternalError">({
    code: "ResourceNotFound",
    message: "The instance does not exist.",
    requestId: "req-1",
    httpStatus: 200,
    service: "redis",
    action: "DescribeInstances",
    attempts: 1,
    retryable: false,
  });

/** A structural copy of an error as another copy of the package would create it. */
function foreignCopy(error: Error): Error {
  const kind = Symbol.for("@org/tc-core.error-kind");
  class ForeignError extends Error {}
  Object.defineProperty(ForeignError.prototype, kind, { value: (error as unknown as Record<symbol, unknown>)[kind] });
  return Object.assign(new ForeignError(error.message), { ...error });
}

describe("error classes", () => {
  it("carry the API error fields and a name per class", () => {
    const error = apiError();
    expect(error).toMatchObject({
      name: "TencentCloudError",
      code: "ResourceNotFound",
      requestId: "req-1",
      httpStatus: 200,
    });
    expect(error.message).toBe("The instance does not exist.");
    expect(error).toBeInstanceOf(SdkError);
    expect(error).toBeInstanceOf(Error);
    expect(String(error.stack)).toMatch(/^TencentCloudError: The instance does not exist\./);
    expectTypeOf(error.code).toEqualTypeOf<OpenErrorCode<"ResourceNotFound" | "InternalError">>();
  });

  it("are told apart by instanceof and by guards", () => {
    const errors = [
      apiError(),
      new NetworkError("refused", { code: "ECONNREFUSED", requestSent: false }),
      new TimeoutError("slow", { timeoutMs: 5, requestSent: true }),
      new RequestAbortedError(),
      new MalformedResponseError("html", { httpStatus: 502, reason: "not-json", excerpt: "<html>" }),
      new ConfigurationError("bad"),
    ];
    const guards = [
      isTencentCloudError,
      isNetworkError,
      isTimeoutError,
      isRequestAbortedError,
      isMalformedResponseError,
    ];
    const classes = [TencentCloudError, NetworkError, TimeoutError, RequestAbortedError, MalformedResponseError];
    errors.forEach((error, i) => {
      expect(isSdkError(error)).toBe(true);
      guards.forEach((guard, j) => expect(guard(error)).toBe(i === j));
      classes.forEach((cls, j) => expect(error instanceof cls).toBe(i === j));
    });
    expect(isSdkError(new Error("plain"))).toBe(false);
    expect(isSdkError({ code: "X" })).toBe(false);
  });

  it("recognise errors from a duplicate copy of the package, by guard and by instanceof", () => {
    const foreign = foreignCopy(apiError());
    expect(Object.prototype.isPrototypeOf.call(SdkError.prototype, foreign)).toBe(false);
    expect(isTencentCloudError(foreign)).toBe(true);
    expect(isTencentCloudError(foreign, "ResourceNotFound")).toBe(true);
    expect(isTencentCloudError(foreign, "InternalError")).toBe(false);
    expect(foreign instanceof TencentCloudError).toBe(true);
    expect(foreign instanceof SdkError).toBe(true);
    expect(foreign instanceof NetworkError).toBe(false);
  });

  it("narrow the code with isTencentCloudError(e, code)", () => {
    const error: unknown = apiError();
    if (isTencentCloudError(error, "ResourceNotFound")) expectTypeOf(error.code).toEqualTypeOf<"ResourceNotFound">();
    else throw new Error("guard failed");
  });

  it("serialize to plain data with the cause's name, message and code only", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
      code: "ECONNREFUSED",
      secret: "never",
    });
    const error = new NetworkError("refused", {
      code: "ECONNREFUSED",
      requestSent: false,
      cause,
      service: "redis",
      attempts: 3,
    });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toEqual({
      name: "NetworkError",
      message: "refused",
      service: "redis",
      attempts: 3,
      retryable: false,
      code: "ECONNREFUSED",
      requestSent: false,
      cause: { name: "Error", message: "connect ECONNREFUSED 127.0.0.1:1", code: "ECONNREFUSED" },
    });
    expect(JSON.stringify(apiError())).toContain('"requestId":"req-1"');
  });

  it("show their fields, not the brand, in util.inspect", () => {
    const text = inspect(apiError());
    expect(text).toContain("code: 'ResourceNotFound'");
    expect(text).toContain("requestId: 'req-1'");
    expect(text).not.toContain("error-kind");
  });
});
