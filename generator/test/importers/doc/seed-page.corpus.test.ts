import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecs } from "../../../src/load/index.js";
import type { ActionSpec, SpecMember, SpecType } from "../../../src/spec/types.js";
import { listFiles, REDIS_DOCS, REPO_ROOT, readJson, runDoc, SEED, tempDir } from "./helpers.js";

// Corpus tests (`npm run test:corpus`): they read the real 2019 pages in ../shared in place.

describe("doc import of the seed page", () => {
  it("writes the DescribeTaskInfo action spec from the page", async () => {
    const out = path.join(await tempDir(), "specs");
    const run = await runDoc([SEED, "--out", out]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(await listFiles(out)).toEqual(["redis/2018-04-12/actions/DescribeTaskInfo.json"]);

    const spec = await readJson<ActionSpec>(path.join(out, "redis/2018-04-12/actions/DescribeTaskInfo.json"));
    expect(spec).toMatchObject({
      name: "DescribeTaskInfo",
      summary: "This API queries task result.",
      rateLimit: 20,
      financialRegions: true,
      regionRequired: true,
      readOnly: true,
      deprecated: false,
      errors: ["FailedOperation.SystemError", "InvalidParameter.InvalidParameter", "InvalidParameter.PermissionDenied"],
    });
    expect(spec.input).toEqual([
      {
        name: "TaskId",
        type: { kind: "integer", width: "int64" },
        required: true,
        nullable: false,
        description: "Task ID",
        deprecated: false,
      },
    ]);
    expect(spec.output.map((m) => m.name)).toEqual(["Status", "StartTime", "TaskType", "InstanceId", "TaskMessage"]);
    expect(spec.samples).toEqual([
      {
        title: "Request Example",
        request: { TaskId: 18215 },
        response: {
          Status: "succeed",
          StartTime: "2018-11-01 17:25:14",
          TaskType: "Redis cache purge process",
          InstanceId: "crs-09u2u96z",
          TaskMessage: "",
          RequestId: "81120ab8-fea0-41ab-af7e-283c0348c4fc",
        },
      },
    ]);
  });

  it("leaves unchanged files untouched on a second run", async () => {
    const out = path.join(await tempDir(), "specs");
    await runDoc([SEED, "--out", out]);
    const file = path.join(out, "redis/2018-04-12/actions/DescribeTaskInfo.json");
    const before = await readFile(file, "utf8");
    const again = await runDoc([SEED, "--out", out]);
    expect(again.stdout).toBe("doc import: 0 written, 1 unchanged\n");
    expect(await readFile(file, "utf8")).toBe(before);
  });
});

describe("the seed page and the committed (bulk-imported) DescribeTaskInfo", () => {
  it("agree on members, types (modulo integer width) and required flags", async () => {
    const out = path.join(await tempDir(), "specs");
    expect((await runDoc([SEED, "--out", out])).code).toBe(0);
    const fromSeed = await readJson<ActionSpec>(path.join(out, "redis/2018-04-12/actions/DescribeTaskInfo.json"));
    const loaded = await loadSpecs(path.join(REPO_ROOT, "specs"));
    const committed = loaded.services
      .find((s) => s.dir === "redis/2018-04-12")!
      .actions.find((a) => a.name === "DescribeTaskInfo")!;

    const shape = (members: readonly SpecMember[]) =>
      members.map((m) => ({ name: m.name, type: widthless(m.type), required: m.required }));
    expect(shape(fromSeed.input)).toEqual(shape(committed.input));
    expect(shape(fromSeed.output)).toEqual(shape(committed.output));
    // The one difference the page cannot express: api.json says TaskId is uint64.
    expect(committed.input[0]!.type).toEqual({ kind: "integer", width: "uint64" });
    expect(fromSeed.input[0]!.type).toEqual({ kind: "integer", width: "int64" });
  });

  it("--diff against the committed specs reports no difference for it", async () => {
    const run = await runDoc([SEED, "--diff"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("action DescribeTaskInfo: same as committed");
  });
});

describe("--diff on the 21 real pages against the committed specs", () => {
  it("runs on all pages and prints the same report every time", async () => {
    const args = (await readdir(REDIS_DOCS)).filter((f) => f.endsWith(".md")).map((f) => path.join(REDIS_DOCS, f));
    const first = await runDoc([...args, "--diff"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Summary: 21 actions \(\d+ same, \d+ differ, 0 new\), 10 structures/m);
    expect(first.stdout).toContain("action DescribeTaskInfo: same as committed");
    const second = await runDoc([...args, "--diff"]);
    expect(second.stdout).toBe(first.stdout);
  });
});

/** Integer width aside: pages only say Integer. */
function widthless(type: SpecType): unknown {
  if (type.kind === "integer") return { kind: "integer" };
  if (type.kind === "list") return { kind: "list", items: widthless(type.items) };
  return type;
}
