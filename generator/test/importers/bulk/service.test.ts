import { describe, expect, it } from "vitest";
import { buildService } from "../../../src/importers/bulk/service.js";
import type { ServiceSpec } from "../../../src/spec/types.js";

const curated = {
  name: "cvm",
  version: "2017-03-12",
  title: "Cloud Virtual Machine",
  endpoint: "cvm.tencentcloudapi.com",
  intlEndpoint: "cvm.intl.tencentcloudapi.com",
  packageName: "@org/tc-cvm",
  clientName: "CvmClient",
  defaultRateLimit: 20,
  waiters: {},
  paginators: {},
  // Fields other helpers' generators read (package layout, chosen names): kept though this importer does not know them.
  default: true,
  names: { structures: { Credentials: "CvmCredentials" } },
} as ServiceSpec;

describe("service.json on re-import", () => {
  it("keeps every curated field, including ones the importer does not compute (default, names)", () => {
    const { service, warnings } = buildService({ name: "cvm", version: "2017-03-12", title: "云服务器" }, curated, []);
    expect(service).toEqual(curated);
    expect(warnings).toEqual([]);
  });

  it("writes the upstream (Chinese) name as a fallback title and warns that a maintainer should set an English one", () => {
    const { service, warnings } = buildService(
      { name: "cvm", version: "2017-03-12", title: "云服务器" },
      undefined,
      [],
    );
    expect(service.title).toBe("云服务器");
    expect(warnings).toEqual([
      'service.json title "云服务器" is not an English title (upstream gives only "云服务器"): a maintainer should set "title" in service.json; re-imports keep it',
    ]);
    const { warnings: again } = buildService({ name: "cvm", version: "2017-03-12", title: "云服务器" }, service, []);
    expect(again).toHaveLength(1);
  });
});
