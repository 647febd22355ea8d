import { describe, expect, it } from "vitest";
import { ERROR_KIND, kindOf } from "../../src/errors/brand.js";
import {
  ConfigurationError,
  isConfigurationError,
  isSdkError,
  isTencentCloudError,
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  SdkError,
  TencentCloudError,
  TimeoutError,
} from "../../src/errors/index.js";

// Tests written for mutants that survived `npx stryker run --mutate 'src/errors/**/*.ts'`.

const apiError = () =>
  new TencentCloudError({ code: "InvalidParameter", message: "bad", requestId: "r-1", httpStatus: 200 });

describe("kindOf and the guards on non-errors", () => {
  it("answer undefined/false for null, undefined, primitives and non-string brands, never throwing", () => {
    for (const value of [null, undefined, 0, "TencentCloudError", Symbol("x")]) {
      expect(kindOf(value)).toBeUndefined();
      expect(isSdkError(value)).toBe(false);
      expect(isTencentCloudError(value)).toBe(false);
    }
    expect(kindOf({ [ERROR_KIND]: 1 })).toBeUndefined();
    expect(kindOf({ [ERROR_KIND]: "NetworkError" })).toBe("NetworkError");
  });

  it("isConfigurationError accepts only configuration errors", () => {
    expect(isConfigurationError(new ConfigurationError("bad option"))).toBe(true);
    expect(isConfigurationError(apiError())).toBe(false);
    expect(isConfigurationError(new Error("bad option"))).toBe(false);
  });
});

describe("instanceof across copies", () => {
  it("does not accept an unbranded object, or an error of another kind", () => {
    expect({} instanceof SdkError).toBe(false);
    expect({ [ERROR_KIND]: "NetworkError" } instanceof TencentCloudError).toBe(false);
    expect({ [ERROR_KIND]: "NetworkError" } instanceof SdkError).toBe(true);
  });

  it("a user's unbranded subclass accepts only its own instances", () => {
    class AppError extends SdkError {}
    expect(new AppError("x") instanceof AppError).toBe(true);
    expect(apiError() instanceof AppError).toBe(false);
    expect({ [ERROR_KIND]: "SdkError" } instanceof AppError).toBe(false);
  });
});

describe("error fields and JSON", () => {
  it("RequestAbortedError has a default message", () => {
    expect(new RequestAbortedError().message).toBe("The call was aborted");
  });

  it("has no own `cause` unless one was given", () => {
    expect(Object.hasOwn(new SdkError("x"), "cause")).toBe(false);
    expect(Object.hasOwn(new SdkError("x", { cause: "why" }), "cause")).toBe(true);
  });

  it("toJSON: traceId only when set, the cause's code only when it is a string", () => {
    const plain = new SdkError("x", { cause: new Error("inner") }).toJSON();
    expect("traceId" in plain).toBe(false);
    expect(plain.cause).toStrictEqual({ name: "Error", message: "inner" });
    expect(Object.keys(new SdkError("x").toJSON()).sort()).toEqual([
      "action",
      "attempts",
      "message",
      "name",
      "retryable",
      "service",
    ]);
    const traced = new NetworkError("y", {
      code: "ECONNRESET",
      requestSent: true,
      traceId: "t-1",
      cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }),
    }).toJSON();
    expect(traced["traceId"]).toBe("t-1");
    expect(traced.cause).toStrictEqual({ name: "Error", message: "reset", code: "ECONNRESET" });
  });

  it("toJSON of TimeoutError and MalformedResponseError carries their own fields", () => {
    expect(new TimeoutError("t", { timeoutMs: 50, requestSent: false }).toJSON()).toMatchObject({
      name: "TimeoutError",
      timeoutMs: 50,
      requestSent: false,
    });
    expect(
      new MalformedResponseError("m", { httpStatus: 502, reason: "not-json", excerpt: "<html>" }).toJSON(),
    ).toMatchObject({
      name: "MalformedResponseError",
      httpStatus: 502,
      reason: "not-json",
      excerpt: "<html>",
    });
  });
});
