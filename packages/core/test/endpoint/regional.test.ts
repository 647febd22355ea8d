import { describe, expect, it } from "vitest";
import { resolveEndpoint } from "../../src/endpoint/index.js";
import { ConfigurationError } from "../../src/errors/index.js";
import type { ServiceMeta } from "../../src/meta.js";

const meta: ServiceMeta = {
  service: "cvm",
  version: "2017-03-12",
  endpoint: "cvm.tencentcloudapi.com",
  intlEndpoint: "cvm.intl.tencentcloudapi.com",
  shapes: {},
};

describe("regionalEndpoint", () => {
  it("sends to <service>.<region>.tencentcloudapi.com", () => {
    expect(resolveEndpoint(meta, { region: "ap-guangzhou", regionalEndpoint: true }).origin).toBe(
      "https://cvm.ap-guangzhou.tencentcloudapi.com",
    );
  });

  it("composes with a financial region (its host is already regional)", () => {
    expect(resolveEndpoint(meta, { region: "ap-shanghai-fsi", regionalEndpoint: true }).host).toBe(
      "cvm.ap-shanghai-fsi.tencentcloudapi.com",
    );
    expect(resolveEndpoint(meta, { region: "ap-shanghai-fsi", regionalEndpoint: false }).host).toBe(
      "cvm.ap-shanghai-fsi.tencentcloudapi.com",
    );
  });

  it("composes with intl: the regional hosts serve both sites; intl with -fsi stays refused", () => {
    expect(resolveEndpoint(meta, { region: "ap-singapore", intl: true, regionalEndpoint: true }).host).toBe(
      "cvm.ap-singapore.tencentcloudapi.com",
    );
    expect(resolveEndpoint(meta, { region: "ap-singapore", intl: true, regionalEndpoint: false }).host).toBe(
      "cvm.intl.tencentcloudapi.com",
    );
    expect(() => resolveEndpoint(meta, { region: "ap-shanghai-fsi", intl: true, regionalEndpoint: true })).toThrow(
      /financial zone/,
    );
  });

  it("takes the host prefix from the spec's endpoint, not the signing name", () => {
    const renamed = { ...meta, service: "cvm", endpoint: "cvm-api.tencentcloudapi.com" };
    expect(resolveEndpoint(renamed, { region: "ap-beijing", regionalEndpoint: true }).host).toBe(
      "cvm-api.ap-beijing.tencentcloudapi.com",
    );
    // A spec host outside tencentcloudapi.com falls back to the signing name.
    const outside = { ...meta, endpoint: "cvm.example.com" };
    expect(resolveEndpoint(outside, { region: "ap-beijing", regionalEndpoint: true }).host).toBe(
      "cvm.ap-beijing.tencentcloudapi.com",
    );
    expect(resolveEndpoint(outside, { region: "ap-shanghai-fsi" }).host).toBe(
      "cvm.ap-shanghai-fsi.tencentcloudapi.com",
    );
  });

  it("needs a region and refuses an explicit endpoint next to it, naming the options", () => {
    expect(() => resolveEndpoint(meta, { regionalEndpoint: true })).toThrow(ConfigurationError);
    expect(() => resolveEndpoint(meta, { regionalEndpoint: true })).toThrow(/needs the `region` option/);
    expect(() =>
      resolveEndpoint(meta, { region: "ap-guangzhou", regionalEndpoint: true, endpoint: "x.example.com" }),
    ).toThrow(/`regionalEndpoint` and `endpoint`/);
  });
});
