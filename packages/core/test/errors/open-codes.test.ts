import { describe, expect, expectTypeOf, it } from "vitest";
import type { AfterAttemptEvent, Logger } from "../../src/client/index.js";
import { isTencentCloudError, type OpenErrorCode, TencentCloudError } from "../../src/errors/index.js";

// What a generated package declares (see generator/src/emit/errors.ts): per-action and common unions,
// and a guard narrowing `code` to them.
type CommonErrorCode = "InternalError" | "RequestLimitExceeded";
type DescribeTaskInfoErrorCode = "FailedOperation.SystemError" | "InvalidParameter.PermissionDenied";
function isRedisError(err: unknown): err is TencentCloudError<DescribeTaskInfoErrorCode | CommonErrorCode> {
  return isTencentCloudError(err);
}

const caught: unknown = new TencentCloudError({
  code: "ResourceNotFound.AddedLastWeek",
  message: "new",
  requestId: "r",
  httpStatus: 200,
});

describe("open error codes (checked by tsc: these lines must compile)", () => {
  it("keeps the known codes in the type, and lets an unknown code be compared", () => {
    if (!isRedisError(caught)) throw new Error("not narrowed");
    // Known codes are still members (editors complete them).
    expectTypeOf<DescribeTaskInfoErrorCode>().toMatchTypeOf<typeof caught.code>();
    expectTypeOf<"InternalError">().toMatchTypeOf<typeof caught.code>();
    expectTypeOf(caught.code).toEqualTypeOf<OpenErrorCode<DescribeTaskInfoErrorCode | CommonErrorCode>>();
    // A code the service added after generation: comparing compiles (a closed union would be TS2367).
    const isNew = caught.code === "ResourceNotFound.AddedLastWeek";
    expect(isNew).toBe(true);
    switch (caught.code) {
      case "InternalError":
        throw new Error("unexpected");
      case "ResourceNotFound.AddedLastWeek":
        break;
      default:
        throw new Error("unexpected");
    }
  });

  it("still rejects a non-string code and assigns to plain string", () => {
    if (!isRedisError(caught)) throw new Error("not narrowed");
    const asString: string = caught.code;
    expect(asString).toBe("ResourceNotFound.AddedLastWeek");
    // @ts-expect-error codes are strings
    const notNumber: number = caught.code;
    expect(typeof notNumber).toBe("string");
  });

  it("exposes code on afterAttempt events and log fields", () => {
    expectTypeOf<AfterAttemptEvent["code"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Logger["debug"]>().parameter(1).toMatchTypeOf<Record<string, unknown>>();
  });
});
