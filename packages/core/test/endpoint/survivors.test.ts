import { describe, expect, it } from "vitest";
import { parseEndpoint, resolveEndpoint } from "../../src/endpoint/resolve.js";
import type { ServiceMeta } from "../../src/meta.js";

// Tests written for mutants that survived `npx stryker run --mutate 'src/endpoint/**/*.ts'`: the
// exact messages (they tell the user which option to change), trimming and the scheme test's anchor.

const meta: ServiceMeta = {
  service: "redis",
  version: "2018-04-12",
  endpoint: "redis.tencentcloudapi.com",
  intlEndpoint: "redis.intl.tencentcloudapi.com",
  shapes: {},
};

describe("parseEndpoint", () => {
  it("trims surrounding whitespace", () => {
    expect(parseEndpoint("  redis.example.com \n")).toMatchObject({
      host: "redis.example.com",
      origin: "https://redis.example.com",
      port: 443,
    });
  });

  it("recognises a scheme only at the start", () => {
    expect(() => parseEndpoint("localhost:9000/http://x")).toThrow(
      'Invalid endpoint "https://localhost:9000"...: API 3.0 requests go to the path /; give only the protocol, host and port',
    );
  });

  it("names what is wrong", () => {
    expect(() => parseEndpoint("https://")).toThrow(
      'Invalid endpoint "https://": expected a host or an origin like https://host[:port]',
    );
    expect(() => parseEndpoint("ftp://host")).toThrow(
      'Invalid endpoint "ftp://host": protocol must be https: or http:',
    );
  });

  it("defaults the port by protocol and unwraps IPv6 hosts", () => {
    expect(parseEndpoint("http://127.0.0.1")).toMatchObject({ port: 80, origin: "http://127.0.0.1" });
    expect(parseEndpoint("https://[::1]:8443")).toMatchObject({ hostname: "::1", port: 8443, host: "[::1]:8443" });
  });
});

describe("resolveEndpoint messages", () => {
  it("regionalEndpoint next to endpoint, or without a region", () => {
    expect(() =>
      resolveEndpoint(meta, { regionalEndpoint: true, endpoint: "x.example.com", region: "ap-guangzhou" }),
    ).toThrow("`regionalEndpoint` and `endpoint` both choose the host: set only one");
    for (const region of [undefined, ""]) {
      expect(() =>
        resolveEndpoint(meta, { regionalEndpoint: true, ...(region === undefined ? {} : { region }) }),
      ).toThrow(
        "`regionalEndpoint: true` needs the `region` option (the host is <service>.<region>.tencentcloudapi.com)",
      );
    }
  });

  it("intl with a financial region names the endpoint to use instead", () => {
    expect(() => resolveEndpoint(meta, { region: "ap-shanghai-fsi", intl: true })).toThrow(
      "Region ap-shanghai-fsi is a financial zone, which the international site does not serve: remove `intl: true` " +
        "(the endpoint is then redis.ap-shanghai-fsi.tencentcloudapi.com) or use a non-financial region",
    );
  });

  it("regionalEndpoint: false keeps the nearest access point; a spec host outside tencentcloudapi.com uses the service name", () => {
    expect(resolveEndpoint(meta, { region: "ap-guangzhou", regionalEndpoint: false }).host).toBe(
      "redis.tencentcloudapi.com",
    );
    const custom: ServiceMeta = { ...meta, endpoint: "redis.internal.example" };
    expect(resolveEndpoint(custom, { region: "ap-guangzhou", regionalEndpoint: true }).host).toBe(
      "redis.ap-guangzhou.tencentcloudapi.com",
    );
  });
});
