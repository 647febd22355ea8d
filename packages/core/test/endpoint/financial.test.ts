import { describe, expect, it } from "vitest";
import { resolveEndpoint } from "../../src/endpoint/index.js";
import type { ServiceMeta } from "../../src/meta.js";

const meta = (endpoint: string): ServiceMeta => ({
  service: "cvm",
  version: "2017-03-12",
  endpoint,
  intlEndpoint: "cvm.intl.tencentcloudapi.com",
  shapes: {},
});

describe("financial (-fsi) hosts", () => {
  it("keep the spec endpoint's prefix when it is under tencentcloudapi.com", () => {
    expect(resolveEndpoint(meta("vm.tencentcloudapi.com"), { region: "ap-shanghai-fsi" }).host).toBe(
      "vm.ap-shanghai-fsi.tencentcloudapi.com",
    );
  });

  it("fall back to the signing service name when the spec endpoint is elsewhere", () => {
    expect(resolveEndpoint(meta("cvm.example.com"), { region: "ap-shanghai-fsi" }).host).toBe(
      "cvm.ap-shanghai-fsi.tencentcloudapi.com",
    );
    // A host that merely ends like the public domain without the dot is not under it.
    expect(resolveEndpoint(meta("eviltencentcloudapi.com"), { region: "ap-shenzhen-fsi" }).host).toBe(
      "cvm.ap-shenzhen-fsi.tencentcloudapi.com",
    );
  });

  it("only for regions ending in -fsi", () => {
    expect(resolveEndpoint(meta("cvm.tencentcloudapi.com"), { region: "ap-fsi-guangzhou" }).host).toBe(
      "cvm.tencentcloudapi.com",
    );
  });
});
