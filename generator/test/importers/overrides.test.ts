import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBulk } from "../../src/importers/bulk/import-bulk.js";
import { ImportError } from "../../src/importers/common/import-error.js";
import { loadSpecs } from "../../src/load/index.js";
import type { ActionSpec, ErrorsSpec, StructureSpec } from "../../src/spec/types.js";
import { runDoc } from "./doc/helpers.js";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");
const DEMO = path.join(fixtures, "bulk/demo");
const COMMON = path.join(fixtures, "bulk/common-errors.json");
const DIR = "demo/2020-01-01";

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), "overrides-"));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const read = async <T>(file: string): Promise<T> => JSON.parse(await readFile(path.join(out, file), "utf8")) as T;
async function writeOverrides(dir: string, corrections: unknown[]): Promise<string> {
  const file = path.join(out, dir, "overrides.json");
  await mkdir(path.dirname(file), { recursive: true });
  const text = `${JSON.stringify({ corrections }, null, 2)}\n`;
  await writeFile(file, text);
  return text;
}
const reason = "test: upstream is wrong here";

describe("overrides.json in the bulk importer", () => {
  it("renames, retypes, re-flags, drops and describes members, drops codes, replaces and drops samples, sets action fields", async () => {
    const text = await writeOverrides(DIR, [
      { op: "renameMember", reason, structure: "Widget", member: "Weight", to: "WeightKg" },
      {
        op: "setMember",
        reason,
        action: "DescribeTask",
        side: "input",
        member: "TaskId",
        set: { type: { kind: "integer", width: "uint64" }, description: "The task." },
      },
      {
        op: "setMember",
        reason,
        action: "CreateWidget",
        side: "input",
        member: "Name",
        set: { required: true, example: null },
      },
      {
        op: "setMember",
        reason,
        action: "DescribeWidgets",
        side: "output",
        member: "TotalCount",
        set: { nullable: true, example: "3" },
      },
      { op: "dropMember", reason, action: "DescribeWidgets", side: "output", member: "OldSet" },
      { op: "dropErrorCode", reason, code: "FailedOperation.WidgetBusy" },
      { op: "dropErrorCode", reason, action: "DeleteWidget", code: "ResourceNotFound.WidgetNotFound" },
      { op: "dropSample", reason, action: "DescribeTask", sample: "Query" },
      {
        op: "replaceSample",
        reason,
        action: "DescribeWidgets",
        sample: "List widgets",
        with: {
          title: "List two widgets",
          request: { Limit: 2 },
          response: { TotalCount: 0, WidgetSet: [], RequestId: "r-1" },
        },
      },
      {
        op: "setAction",
        reason,
        action: "DeleteWidget",
        set: { readOnly: false, rateLimit: 3, summary: "Deletes a widget" },
      },
    ]);
    const result = await importBulk(DEMO, { out, commonErrors: COMMON });

    const widget = await read<StructureSpec>(`${DIR}/structures/Widget.json`);
    expect(widget.members.map((m) => m.name)).toEqual(["WidgetId", "WeightKg", "Tags"]);
    const task = await read<ActionSpec>(`${DIR}/actions/DescribeTask.json`);
    expect(task.input[0]).toMatchObject({
      name: "TaskId",
      type: { kind: "integer", width: "uint64" },
      description: "The task.",
    });
    expect(task.samples).toEqual([]);
    const create = await read<ActionSpec>(`${DIR}/actions/CreateWidget.json`);
    expect(create.input[0]).toMatchObject({ name: "Name", required: true });
    expect(create.input[0]).not.toHaveProperty("example");
    expect(create.errors).toEqual(["InternalError"]);
    const list = await read<ActionSpec>(`${DIR}/actions/DescribeWidgets.json`);
    expect(list.output.map((m) => m.name)).toEqual(["TotalCount", "WidgetSet"]);
    expect(list.output[0]).toMatchObject({ nullable: true, example: "3" });
    expect(list.samples).toEqual([
      {
        title: "List two widgets",
        request: { Limit: 2 },
        response: { TotalCount: 0, WidgetSet: [], RequestId: "r-1" },
      },
    ]);
    const del = await read<ActionSpec>(`${DIR}/actions/DeleteWidget.json`);
    expect(del).toMatchObject({ readOnly: false, rateLimit: 3, summary: "Deletes a widget", errors: [] });
    expect((await read<ErrorsSpec>(`${DIR}/errors.json`)).codes).toEqual({
      "ResourceNotFound.WidgetNotFound": "The widget does not exist.",
    });
    expect(result.infos).toContain(`DescribeTask sample "Query" dropped by ${path.join(out, DIR, "overrides.json")}`);
    await loadSpecs(out);

    // A re-import applies the same corrections, changes nothing, and never rewrites overrides.json.
    const again = await importBulk(DEMO, { out, commonErrors: COMMON });
    expect({ written: again.written, removed: again.removed }).toEqual({ written: [], removed: [] });
    expect(await readFile(path.join(out, DIR, "overrides.json"), "utf8")).toBe(text);
  });

  it("refuses a correction that matches nothing, naming the file and its JSON path, and writes nothing", async () => {
    await writeOverrides(DIR, [
      { op: "renameMember", reason, structure: "Widget", member: "Weight", to: "WeightKg" },
      { op: "setMember", reason, structure: "Widget", member: "Colour", set: { nullable: true } },
      { op: "dropSample", reason, action: "DescribeTask", sample: "No such sample" },
      { op: "dropErrorCode", reason, code: "FailedOperation.Nope" },
    ]);
    const err = (await importBulk(DEMO, { out, commonErrors: COMMON }).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    const file = path.join(out, DIR, "overrides.json");
    expect(err.problems).toEqual([
      { file, path: "/corrections/1", message: "setMember matches nothing: structure Widget member Colour not found" },
      {
        file,
        path: "/corrections/2",
        message: 'dropSample matches nothing: action DescribeTask sample "No such sample" not found',
      },
      {
        file,
        path: "/corrections/3",
        message: 'dropErrorCode matches nothing: error code "FailedOperation.Nope" not found',
      },
    ]);
    expect(err.message).toContain(`${file}#/corrections/1`);
    await expect(readFile(path.join(out, DIR, "service.json"))).rejects.toThrow();
  });

  it("checks overrides.json against its schema and asks which occurrence when a name repeats", async () => {
    await writeOverrides(DIR, [
      { op: "renameMember", reason, structure: "Widget", member: "Weight" },
      {
        op: "setMember",
        reason,
        structure: "Widget",
        action: "X",
        side: "input",
        member: "Weight",
        set: { nullable: true },
      },
      { op: "paint", reason },
    ]);
    const err = (await importBulk(DEMO, { out, commonErrors: COMMON }).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    const messages = err.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('/corrections/0: missing required property "to"');
    expect(messages).toContain(
      "/corrections/2: unknown op (expected renameMember, setMember, dropMember, dropErrorCode, dropSample, replaceSample or setAction)",
    );
  });

  it("refuses a curated sample that does not fit the members, at the sample's JSON path", async () => {
    await writeOverrides(DIR, [
      {
        op: "replaceSample",
        reason,
        action: "DescribeWidgets",
        sample: "List widgets",
        with: { title: "t", request: { Limit: "many" }, response: {} },
      },
    ]);
    const err = (await importBulk(DEMO, { out, commonErrors: COMMON }).catch((e: unknown) => e)) as ImportError;
    expect(err.problems).toEqual([
      {
        file: path.join(out, DIR, "overrides.json"),
        path: "/corrections/0/with/request/Limit",
        message: 'sample for DescribeWidgets does not fit its members: expected an integer, got "many", dropped',
      },
    ]);
  });

  it("is ignored by the generator's loader", async () => {
    await importBulk(DEMO, { out, commonErrors: COMMON });
    const before = await loadSpecs(out);
    await writeOverrides(DIR, [{ op: "dropMember", reason, structure: "Widget", member: "Tags" }]);
    const after = await loadSpecs(out);
    expect(after.contentHash).toBe(before.contentHash);
    expect(after.services[0]!.files).not.toContain(`${DIR}/overrides.json`);
  });
});

describe("overrides.json in the doc importer", () => {
  const page = (name: string) => path.join(fixtures, "doc/twice", name);

  it("refuses a structure listing a field twice, then imports it once a rename says which is which", async () => {
    const refused = await runDoc([page("DescribeWidgets.md"), "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /DataStructures\.md:\d+: error: field "Weight" of Widget is listed twice \(first at line \d+\)/,
    );

    await writeOverrides("widget/2020-01-01", [
      {
        op: "renameMember",
        reason: "the second Weight row is the weight after painting",
        structure: "Widget",
        member: "Weight",
        occurrence: 2,
        to: "PaintedWeight",
      },
      { op: "setMember", reason, structure: "Widget", member: "PaintedWeight", set: { nullable: true } },
      { op: "setAction", reason, action: "DescribeWidgets", set: { rateLimit: 7 } },
      { op: "dropMember", reason, action: "NotOnThesePages", side: "input", member: "X" },
    ]);
    const run = await runDoc([page("DescribeWidgets.md"), "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const widget = await read<StructureSpec>("widget/2020-01-01/structures/Widget.json");
    expect(
      widget.members.filter((m) => m.name.endsWith("Weight")).map((m) => [m.name, m.description, m.nullable]),
    ).toEqual([
      ["Weight", "Weight in kg before painting", false],
      ["PaintedWeight", "Weight in kg after painting", true],
    ]);
    expect((await read<ActionSpec>("widget/2020-01-01/actions/DescribeWidgets.json")).rateLimit).toBe(7);
  });

  it("reports a correction for an imported action that matches nothing", async () => {
    await writeOverrides("widget/2020-01-01", [
      { op: "renameMember", reason, structure: "Widget", member: "Weight", occurrence: 2, to: "PaintedWeight" },
      { op: "dropMember", reason, action: "DescribeWidgets", side: "input", member: "Nope" },
    ]);
    const run = await runDoc([page("DescribeWidgets.md"), "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${path.join(out, "widget/2020-01-01/overrides.json")}:1: error: /corrections/1: dropMember matches nothing: action DescribeWidgets input member Nope not found`,
    );
  });
});
