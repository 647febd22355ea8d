import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ActionSpec, ErrorsSpec, StructureSpec } from "../../../src/spec/types.js";
import { FIXTURES, listFiles, readJson, runDoc, tempDir } from "./helpers.js";

const GOOD = path.join(FIXTURES, "good");
const page = (name: string) => path.join(GOOD, name);

describe("doc import of fixture pages", () => {
  async function importGood() {
    const out = path.join(await tempDir(), "specs");
    const run = await runDoc([
      page("DescribeWidgets.md"),
      page("CreateWidget.md"),
      page("DataStructures.md"),
      page("ErrorCodes.md"),
      "--out",
      out,
    ]);
    const base = path.join(out, "widget/2020-01-01");
    return { run, out, base };
  }

  it("writes the actions, only the reachable structures, and the error codes", async () => {
    const { run, out } = await importGood();
    expect(run.code).toBe(0);
    expect(await listFiles(out)).toEqual([
      "widget/2020-01-01/actions/CreateWidget.json",
      "widget/2020-01-01/actions/DescribeWidgets.json",
      "widget/2020-01-01/errors.json",
      "widget/2020-01-01/structures/Filter.json",
      "widget/2020-01-01/structures/Part.json",
      "widget/2020-01-01/structures/Widget.json",
    ]);
  });

  it("reads the other rate-limit wording, a region-less action, Name.N and Array of linked structures", async () => {
    const { base } = await importGood();
    const spec = await readJson<ActionSpec>(path.join(base, "actions/DescribeWidgets.json"));
    expect(spec).toMatchObject({ rateLimit: 10, financialRegions: false, regionRequired: false, readOnly: true });
    expect(spec.summary).toBe("This API lists widgets.");
    expect(spec.input.map((m) => [m.name, m.type, m.required])).toEqual([
      ["WidgetIds", { kind: "list", items: { kind: "string" } }, false],
      ["Filters", { kind: "list", items: { kind: "structure", name: "Filter" } }, false],
      ["Offset", { kind: "integer", width: "int64" }, false],
      ["Limit", { kind: "integer", width: "int64" }, false],
    ]);
    const widgetSet = spec.output.find((m) => m.name === "WidgetSet")!;
    expect(widgetSet).toMatchObject({
      nullable: true,
      type: { kind: "list", items: { kind: "structure", name: "Widget" } },
    });
    expect(widgetSet.description).toBe(
      "Widgets\nNote: This field may return null, indicating that no valid values can be obtained.",
    );
    expect(spec.errors).toEqual(["InvalidParameter.BadFilter", "ResourceNotFound.WidgetNotFound"]);
  });

  it("turns a POST JSON sample into typed request and response bodies", async () => {
    const { base } = await importGood();
    const spec = await readJson<ActionSpec>(path.join(base, "actions/DescribeWidgets.json"));
    expect(spec.samples).toEqual([
      {
        title: "Listing widgets by name",
        description: "This example filters widgets by name.",
        request: { Filters: [{ Name: "name", Values: ["gear"] }], Limit: 1 },
        response: {
          TotalCount: 1,
          WidgetSet: [
            { WidgetId: "w-1", Weight: 1.5, Enabled: true, Parts: [{ PartId: 7 }], Labels: { colour: "red" } },
          ],
          RequestId: "6f6a2c3e-0000-4000-8000-000000000001",
        },
      },
    ]);
  });

  it("turns a GET query sample into a typed body and reports where the sample disagrees with the tables", async () => {
    const { run, base } = await importGood();
    const spec = await readJson<ActionSpec>(path.join(base, "actions/CreateWidget.json"));
    expect(spec).toMatchObject({ rateLimit: 20, financialRegions: true, regionRequired: true, readOnly: false });
    expect(spec.input.find((m) => m.name === "Name")!.description).toBe("Widget name; `a|b` is not allowed");
    expect(spec.input.find((m) => m.name === "Tags")!.type).toEqual({ kind: "list", items: { kind: "string" } });
    expect(spec.input.find((m) => m.name === "Filters")!.type).toEqual({
      kind: "list",
      items: { kind: "structure", name: "Filter" },
    });
    expect(spec.samples[0]!.request).toEqual({
      Name: "gear",
      Weight: 2.5,
      Enabled: true,
      Tags: ["red", "blue"],
      Filters: [{ Name: "name", Values: ["gear"] }],
    });
    expect(spec.samples[0]!.response).toEqual({
      WidgetId: "w-2",
      AppliedFilters: [],
      RequestId: "6f6a2c3e-0000-4000-8000-000000000002",
    });

    const create = page("CreateWidget.md");
    expect(run.stderr).toContain(
      `${create}:48: warning: sample "Creating a widget" request disagrees with the parameter table at /Color: no member "Color"`,
    );
    expect(run.stderr).toContain(
      `${create}:58: warning: sample "Creating a widget" response disagrees with the parameter table at /Count: expected an integer, got "three"`,
    );
  });

  it("writes structure specs with usage, Required columns, Object and deprecation", async () => {
    const { base } = await importGood();
    const filter = await readJson<StructureSpec>(path.join(base, "structures/Filter.json"));
    expect(filter).toMatchObject({ name: "Filter", description: "Filter condition", usage: "both" });
    expect(filter.members.map((m) => [m.name, m.required])).toEqual([
      ["Name", true],
      ["Values", false],
    ]);

    const widget = await readJson<StructureSpec>(path.join(base, "structures/Widget.json"));
    expect(widget.usage).toBe("output");
    expect(widget.members.map((m) => [m.name, m.type.kind, m.required, m.deprecated])).toEqual([
      ["WidgetId", "string", true, false],
      ["Weight", "float", true, false],
      ["Enabled", "boolean", true, false],
      ["Parts", "list", true, false],
      ["Labels", "object", true, false],
      ["Legacy", "integer", true, true],
    ]);
  });

  it("writes the service error codes and warns about codes the error-code page lacks", async () => {
    const { run, base } = await importGood();
    expect(await readJson<ErrorsSpec>(path.join(base, "errors.json"))).toEqual({
      codes: {
        "FailedOperation.Busy": "The service is busy.",
        "InvalidParameter.BadFilter": "A filter is invalid.",
        "ResourceNotFound.WidgetNotFound": "The widget does not exist.",
      },
    });
    expect(run.stderr).toContain(
      `${page("CreateWidget.md")}:76: warning: error code FailedOperation.Unlisted is not listed in ${page("ErrorCodes.md")}`,
    );
  });

  it("warns about, but does not import, a broken structure no page uses", async () => {
    const { run, base } = await importGood();
    expect(run.stderr).toContain(
      `${page("DataStructures.md")}:19: warning: field "GadgetId" of Gadget is listed twice (first at line 18) (structure Gadget is not used by the imported pages, so it is not imported)`,
    );
    await expect(readFile(path.join(base, "structures/Gadget.json"))).rejects.toThrow(/ENOENT/);
  });

  it("finds DataStructures.md beside a page that is named alone", async () => {
    const out = path.join(await tempDir(), "specs");
    const run = await runDoc([page("DescribeWidgets.md"), "--out", out]);
    expect(run.code).toBe(0);
    expect(await listFiles(out)).toEqual([
      "widget/2020-01-01/actions/DescribeWidgets.json",
      "widget/2020-01-01/structures/Filter.json",
      "widget/2020-01-01/structures/Part.json",
      "widget/2020-01-01/structures/Widget.json",
    ]);
    // Only DescribeWidgets reads Filter here: it is an input structure in this import.
    expect((await readJson<StructureSpec>(path.join(out, "widget/2020-01-01/structures/Filter.json"))).usage).toBe(
      "input",
    );
  });

  it("keeps a structure's committed usage when the page sees only one side of it", async () => {
    const out = path.join(await tempDir(), "specs");
    await runDoc([page("DescribeWidgets.md"), page("CreateWidget.md"), "--out", out]);
    await runDoc([page("DescribeWidgets.md"), "--out", out]);
    expect((await readJson<StructureSpec>(path.join(out, "widget/2020-01-01/structures/Filter.json"))).usage).toBe(
      "both",
    );
  });

  it("checks a data-structures page named alone, and writes nothing", async () => {
    const root = await tempDir();
    const run = await runDoc([page("DataStructures.md"), "--out", path.join(root, "specs")]);
    expect(run).toMatchObject({ code: 0, stdout: "No API reference page given: pages read, nothing to import.\n" });
    expect(run.stderr).toContain(
      `${page("DataStructures.md")}:19: warning: field "GadgetId" of Gadget is listed twice`,
    );
    expect(await listFiles(root)).toEqual([]);
  });

  it("prints the same bytes on every run", async () => {
    const first = await importGood();
    const second = await importGood();
    expect(second.run.stderr).toBe(first.run.stderr);
    for (const file of await listFiles(first.out)) {
      expect(await readFile(path.join(second.out, file), "utf8")).toBe(
        await readFile(path.join(first.out, file), "utf8"),
      );
    }
  });
});
