import { describe, expect, it } from "vitest";
import { isTencentCloudError, TencentCloudError } from "../../src/errors/index.js";

const apiError = (code: string) => new TencentCloudError({ code, message: "m", requestId: "r", httpStatus: 200 });

describe("isTencentCloudError with a code", () => {
  it("matches the exact code only, never a prefix or an extension of it", () => {
    const error = apiError("ResourceNotFound.InstanceNotExists");
    expect(isTencentCloudError(error, "ResourceNotFound.InstanceNotExists")).toBe(true);
    expect(isTencentCloudError(error, "ResourceNotFound")).toBe(false);
    expect(isTencentCloudError(error, "ResourceNotFound.InstanceNotExistsAtAll")).toBe(false);
    expect(isTencentCloudError(apiError("ResourceNotFound"), "ResourceNotFound.InstanceNotExists")).toBe(false);
    expect(isTencentCloudError(error, "resourcenotfound.instancenotexists")).toBe(false);
    expect(isTencentCloudError(error, "")).toBe(false);
  });

  it("treats codes named like Object.prototype members as plain strings", () => {
    for (const code of ["toString", "constructor", "__proto__"]) {
      expect(isTencentCloudError(apiError(code), code)).toBe(true);
      expect(isTencentCloudError(apiError("InternalError"), code)).toBe(false);
    }
  });
});
