import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionSpec } from "../../../src/spec/types.js";
import { listFiles, REDIS_DOCS, type RunResult, readJson, runDoc, tempDir } from "./helpers.js";

const doc = (name: string) => path.join(REDIS_DOCS, name);

describe("doc import of the 21 real Redis pages with DataStructures.md and ErrorCodes.md", () => {
  let run: RunResult;
  let base: string;
  let pages: string[];

  beforeAll(async () => {
    pages = (await readdir(REDIS_DOCS)).filter((f) => f.endsWith(".md")).sort();
    const out = path.join(await tempDir(), "specs");
    run = await runDoc([...pages.map(doc), "--out", out]);
    base = path.join(out, "redis/2018-04-12");
  });

  it("imports every page", async () => {
    expect(pages).toHaveLength(23);
    expect(run.code).toBe(0);
    const files = await listFiles(base);
    const actions = pages
      .filter((p) => p !== "DataStructures.md" && p !== "ErrorCodes.md")
      .map((p) => `actions/${p.replace(/\.md$/, ".json")}`);
    expect(files.filter((f) => f.startsWith("actions/"))).toEqual(actions);
    expect(actions).toHaveLength(21);
    expect(files.filter((f) => f.startsWith("structures/"))).toEqual([
      "structures/InstanceClusterShard.json",
      "structures/InstanceEnumParam.json",
      "structures/InstanceIntegerParam.json",
      "structures/InstanceSecurityGroupDetail.json",
      "structures/InstanceTextParam.json",
      "structures/ProductConf.json",
      "structures/RegionConf.json",
      "structures/SecurityGroupDetail.json",
      "structures/SecurityGroupsInboundAndOutbound.json",
      "structures/ZoneCapacityConf.json",
    ]);
    expect(files).toContain("errors.json");
  });

  it("reports the real pages' own inconsistencies as warnings, and nothing else", () => {
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      `${doc("DataStructures.md")}:106: warning: field "PreValue" of InstanceParamHistory is listed twice (first at line 105) (structure InstanceParamHistory is not used by the imported pages, so it is not imported)`,
      `${doc("DestroyPostpaidInstance.md")}:49: warning: sample "Terminating a Pay-as-you-go Instance" response disagrees with the parameter table at /TaskId: text "6954227" read as number 6954227`,
      `${doc("ManualBackupInstance.md")}:50: warning: sample "Request Example" response disagrees with the parameter table at /TaskId: text "6954227" read as number 6954227`,
      `${doc("RestoreInstance.md")}:23: warning: "Password": Required and Type cells are swapped; read as Required=Yes, Type=String`,
      `${doc("RestoreInstance.md")}:52: warning: sample "Restoring a Redis Instance" response disagrees with the parameter table at /TaskId: text "6954227" read as number 6954227`,
    ]);
  });

  it("reads swapped Required/Type cells, Name.N parameters, escaped pipes and an empty Sample section", async () => {
    const restore = await readJson<ActionSpec>(path.join(base, "actions/RestoreInstance.json"));
    expect(restore.input.find((m) => m.name === "Password")).toMatchObject({
      required: true,
      type: { kind: "string" },
    });

    const securityGroup = await readJson<ActionSpec>(path.join(base, "actions/DescribeInstanceSecurityGroup.json"));
    expect(securityGroup.input[0]).toMatchObject({
      name: "InstanceIds",
      required: true,
      type: { kind: "list", items: { kind: "string" } },
    });
    expect(securityGroup.samples[0]!.request).toEqual({ InstanceIds: ["crs-f2ho5rsz"] });

    const network = await readJson<ActionSpec>(path.join(base, "actions/ModifyNetworkConfig.json"));
    expect(network.output[0]).toMatchObject({ name: "Status", description: "Execution status: true|false" });
    expect(network.samples).toEqual([]);
  });
});

describe("doc import of one real page", () => {
  it("resolves nested structures from the DataStructures.md beside it", async () => {
    const out = path.join(await tempDir(), "specs");
    const run = await runDoc([doc("DescribeProductInfo.md"), "--out", out]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(await listFiles(out)).toEqual([
      "redis/2018-04-12/actions/DescribeProductInfo.json",
      "redis/2018-04-12/structures/ProductConf.json",
      "redis/2018-04-12/structures/RegionConf.json",
      "redis/2018-04-12/structures/ZoneCapacityConf.json",
    ]);
  });
});
