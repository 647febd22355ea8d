import { describe, expect, it } from "vitest";
import { resolveEndpoint } from "../../src/endpoint/index.js";
import { ConfigurationError } from "../../src/errors/index.js";
import type { ServiceMeta } from "../../src/meta.js";

const meta: ServiceMeta = {
  service: "redis",
  version: "2018-04-12",
  endpoint: "redis.tencentcloudapi.com",
  intlEndpoint: "redis.intl.tencentcloudapi.com",
  shapes: {},
};

describe("resolveEndpoint", () => {
  it("defaults to the service host over https", () => {
    expect(resolveEndpoint(meta, { region: "ap-guangzhou" })).toEqual({
      protocol: "https:",
      hostname: "redis.tencentcloudapi.com",
      port: 443,
      host: "redis.tencentcloudapi.com",
      origin: "https://redis.tencentcloudapi.com",
    });
  });

  it("sends financial regions to their own host", () => {
    expect(resolveEndpoint(meta, { region: "ap-shanghai-fsi" }).host).toBe("redis.ap-shanghai-fsi.tencentcloudapi.com");
    expect(resolveEndpoint(meta, { region: "ap-shenzhen-fsi" }).origin).toBe(
      "https://redis.ap-shenzhen-fsi.tencentcloudapi.com",
    );
  });

  it("uses the international site on request", () => {
    expect(resolveEndpoint(meta, { region: "ap-singapore", intl: true }).host).toBe("redis.intl.tencentcloudapi.com");
  });

  it("refuses intl with a financial region, naming both", () => {
    expect(() => resolveEndpoint(meta, { region: "ap-shanghai-fsi", intl: true })).toThrow(ConfigurationError);
    expect(() => resolveEndpoint(meta, { region: "ap-shanghai-fsi", intl: true })).toThrow(
      /ap-shanghai-fsi is a financial zone.*intl: true.*redis\.ap-shanghai-fsi\.tencentcloudapi\.com/,
    );
  });

  it("accepts a custom host, host:port or full origin, which wins over region and intl", () => {
    expect(resolveEndpoint(meta, { endpoint: "redis.internal.example" })).toMatchObject({
      protocol: "https:",
      host: "redis.internal.example",
      port: 443,
    });
    expect(resolveEndpoint(meta, { endpoint: "http://127.0.0.1:8080", region: "ap-shanghai-fsi", intl: true })).toEqual(
      {
        protocol: "http:",
        hostname: "127.0.0.1",
        port: 8080,
        host: "127.0.0.1:8080",
        origin: "http://127.0.0.1:8080",
      },
    );
    expect(resolveEndpoint(meta, { endpoint: "https://example.com:443/" }).host).toBe("example.com");
    expect(resolveEndpoint(meta, { endpoint: "localhost:9000" })).toMatchObject({
      protocol: "https:",
      port: 9000,
      host: "localhost:9000",
    });
    expect(resolveEndpoint(meta, { endpoint: "http://[::1]:8080" })).toMatchObject({
      hostname: "::1",
      host: "[::1]:8080",
    });
  });

  it("rejects endpoints with a path, query, credentials or another protocol", () => {
    for (const endpoint of [
      "https://example.com/api",
      "https://example.com/?x=1",
      "https://u:p@example.com",
      "ftp://example.com",
      "http://",
    ]) {
      expect(() => resolveEndpoint(meta, { endpoint }), endpoint).toThrow(ConfigurationError);
    }
    expect(() => resolveEndpoint(meta, { endpoint: "https://u:p@example.com" })).not.toThrow(/u:p/);
  });
});
