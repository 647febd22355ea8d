import { describe, expect, it } from "vitest";
import { ServiceClient } from "../src/client/service-client.js";
import { defineAction } from "../src/define-action.js";
import { isConfigurationError } from "../src/errors/index.js";
import type { ServiceMeta } from "../src/meta.js";
import type { Transport } from "../src/transport/types.js";
import { isValidationError } from "../src/validate/index.js";

const meta: ServiceMeta = {
  service: "kettle",
  version: "2021-03-01",
  endpoint: "kettle.example.com",
  intlEndpoint: "kettle.intl.example.com",
};
const ok: Transport = { send: async () => ({ status: 200, body: Buffer.from('{"Response":{"RequestId":"r-1"}}') }) };
const credentials = { secretId: "AKIDx", secretKey: "k" };

describe("defineAction", () => {
  it("builds a frozen ActionMeta whose shape table holds the request shape and the structures given", () => {
    const filter = { Name: "!s" };
    const action = defineAction(
      "DescribeKettles",
      { rateLimit: 50, readOnly: true, regionRequired: true },
      { Filters: "[#Filter" },
      { Filter: filter },
    );
    expect(action).toEqual({
      name: "DescribeKettles",
      rateLimit: 50,
      readOnly: true,
      input: "DescribeKettlesRequest",
      regionRequired: true,
      shapes: { Filter: filter, DescribeKettlesRequest: { Filters: "[#Filter" } },
    });
    expect(Object.isFrozen(action)).toBe(true);
    expect(Object.isFrozen(action.shapes)).toBe(true);
  });

  it("builds shapes given as functions once, when first read, and freezes the table", () => {
    const built: string[] = [];
    const action = defineAction(
      "DescribeKettles",
      { rateLimit: 50, readOnly: true },
      () => {
        built.push("request");
        return { Filters: "[#Filter" };
      },
      () => {
        built.push("structures");
        return { Filter: { Name: "!s" } };
      },
    );
    expect(built).toEqual([]);
    expect(Object.isFrozen(action)).toBe(true);
    const shapes = action.shapes;
    expect(shapes).toEqual({ Filter: { Name: "!s" }, DescribeKettlesRequest: { Filters: "[#Filter" } });
    expect(Object.isFrozen(shapes)).toBe(true);
    expect(action.shapes).toBe(shapes);
    expect(built).toEqual(["structures", "request"]);
  });

  it("names the request shape as told and needs no region unless told", () => {
    const action = defineAction("Boil", { rateLimit: 1, readOnly: false, input: "KettleRequest" }, { Volume: "!u" });
    expect(action.input).toBe("KettleRequest");
    expect(action.regionRequired).toBe(false);
    expect(Object.keys(action.shapes ?? {})).toEqual(["KettleRequest"]);
  });

  it("is what the client validates against, structures included, when the service has no table", async () => {
    const client = new ServiceClient(meta, { credentials, region: "ap-guangzhou", transport: ok, rateLimit: false });
    const action = defineAction(
      "DescribeKettles",
      { rateLimit: 50, readOnly: true },
      { Filters: "[#Filter" },
      { Filter: { Name: "!s" } },
    );
    await expect(client.invoke(action, { Filters: [{ Name: "a" }] })).resolves.toEqual({ RequestId: "r-1" });
    const error = await client.invoke(action, { Filters: [{}] }).catch((e: unknown) => e);
    expect(isValidationError(error) && error.message).toMatch(/Filters\[0\]\.Name/);
  });

  it("validates against shapes given as functions like against literals", async () => {
    const client = new ServiceClient(meta, { credentials, region: "ap-guangzhou", transport: ok, rateLimit: false });
    const action = defineAction(
      "DescribeKettles",
      { rateLimit: 50, readOnly: true },
      () => ({ Filters: "[#Filter" }),
      () => ({ Filter: { Name: "!s" } }),
    );
    await expect(client.invoke(action, { Filters: [{ Name: "a" }] })).resolves.toEqual({ RequestId: "r-1" });
    const error = await client.invoke(action, { Filters: [{}] }).catch((e: unknown) => e);
    expect(isValidationError(error) && error.message).toMatch(/Filters\[0\]\.Name/);
  });

  it("carries the region requirement to the client: no region fails before sending", async () => {
    let sent = 0;
    const counting: Transport = { send: async (r) => (sent++, ok.send(r)) };
    const client = new ServiceClient(meta, { credentials, transport: counting, rateLimit: false });
    const action = defineAction("BoilWater", { rateLimit: 10, readOnly: false, regionRequired: true }, {});
    const error = await client.invoke(action, {}).catch((e: unknown) => e);
    expect(isConfigurationError(error)).toBe(true);
    expect(sent).toBe(0);
  });
});
