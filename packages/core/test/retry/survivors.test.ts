import { describe, expect, it } from "vitest";
import { parseEndpoint, resolveEndpoint } from "../../src/endpoint/resolve.js";
import { NetworkError, RequestAbortedError, TencentCloudError } from "../../src/errors/index.js";
import { isThrottled, retryAfterMs } from "../../src/retry/index.js";
import { sleep } from "../../src/retry/sleep.js";

// Tests written for mutants that survived `npx stryker run --mutate 'src/retry/**/*.ts,src/endpoint/**/*.ts'`.

describe("retryAfterMs", () => {
  const at = (value: string) => retryAfterMs({ "retry-after": value }, Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"));

  it("reads whole delta seconds of any length, and nothing followed by other text", () => {
    expect(at("12")).toBe(12_000);
    expect(at("120")).toBe(120_000);
    expect(at("10abc")).toBeUndefined();
  });

  it("reads only values that start with an HTTP date's day name", () => {
    expect(at("Wed, 21 Oct 2015 07:28:05 GMT")).toBe(5_000);
    expect(at("x Wed, 21 Oct 2015 07:28:05 GMT")).toBeUndefined();
  });
});

describe("isThrottled", () => {
  it("is false for errors that are not answers, even with a 429-like field", () => {
    const network = Object.assign(new NetworkError("reset", { code: "ECONNRESET", requestSent: true }), {
      httpStatus: 429,
    });
    expect(isThrottled(network)).toBe(false);
  });

  it("is false for other API codes on a non-429 status", () => {
    expect(
      isThrottled(new TencentCloudError({ code: "InvalidParameter", message: "no", requestId: "r", httpStatus: 200 })),
    ).toBe(false);
    expect(
      isThrottled(
        new TencentCloudError({
          code: "RequestLimitExceeded.UinLimitExceeded",
          message: "no",
          requestId: "r",
          httpStatus: 200,
        }),
      ),
    ).toBe(true);
  });
});

describe("endpoint gaps", () => {
  const meta = {
    service: "redis",
    version: "2018-04-12",
    endpoint: "redis.tencentcloudapi.com",
    intlEndpoint: "redis.intl.tencentcloudapi.com",
    shapes: {},
  };

  it("a client with neither region nor endpoint uses the default host", () => {
    expect(resolveEndpoint(meta).host).toBe("redis.tencentcloudapi.com");
    expect(resolveEndpoint(meta, {}).host).toBe("redis.tencentcloudapi.com");
  });

  it("refuses user info even without a password", () => {
    expect(() => parseEndpoint("https://user@redis.example.com")).toThrow(/give only the protocol, host and port/);
  });
});

describe("sleep", () => {
  it("rejects at once for an already aborted signal, with its reason as the cause", async () => {
    const reason = new Error("gave up");
    const error = await sleep(60_000, AbortSignal.abort(reason)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as RequestAbortedError).cause).toBe(reason);
  });
});
