import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecs } from "../../../src/load/index.js";
import type { ActionSpec, ErrorsSpec, ServiceSpec, StructureSpec } from "../../../src/spec/types.js";
import { FIXTURES, readJson, runDoc } from "./helpers.js";
import { committedWidgetTree, editSpec, snapshot } from "./widget-tree.js";

const good = (name: string) => path.join(FIXTURES, "good", name);

describe("doc import over a committed specs tree", () => {
  it("leaves an unchanged tree byte-identical and keeps structure usage the page cannot see", async () => {
    const { specs } = await committedWidgetTree();
    const before = await snapshot(specs);
    const run = await runDoc([good("DescribeWidgets.md"), "--out", specs]);
    expect(run).toMatchObject({ code: 0, stdout: "doc import: 0 written, 4 unchanged\n" });
    expect(await snapshot(specs)).toEqual(before);
  });

  it("refuses, writing nothing, when the result would break a paginator of the service file", async () => {
    const { specs, base } = await committedWidgetTree();
    // A newer service description renamed the list; the paginator follows the committed name.
    await editSpec<ActionSpec>(base, "actions/DescribeWidgets.json", (a) => {
      a.output.find((m) => m.name === "WidgetSet")!.name = "Items";
    });
    await editSpec<ServiceSpec>(base, "service.json", (s) => {
      s.paginators = { DescribeWidgets: { offset: "Offset", limit: "Limit", items: "Items", total: "TotalCount" } };
    });
    await loadSpecs(specs);
    const before = await snapshot(specs);

    const run = await runDoc([good("DescribeWidgets.md"), "--out", specs]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `doc import refused: with these pages the specs in ${specs} would not load; nothing written`,
    );
    expect(run.stderr).toContain(
      'widget/2020-01-01/service.json#/paginators/DescribeWidgets/items: "Items" is not an output member of DescribeWidgets',
    );
    expect(await snapshot(specs)).toEqual(before);
  });

  it("refuses an action whose error code the service's errors.json does not know", async () => {
    const { specs } = await committedWidgetTree();
    const before = await snapshot(specs);
    const run = await runDoc([good("CreateWidget.md"), "--out", specs]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'widget/2020-01-01/actions/CreateWidget.json#/errors/1: error code "FailedOperation.Unlisted"',
    );
    expect(await snapshot(specs)).toEqual(before);
  });

  it("writes a new action that fits the tree", async () => {
    const { specs, base } = await committedWidgetTree();
    await editSpec<ErrorsSpec>(base, "errors.json", (e) => {
      e.codes["FailedOperation.Unlisted"] = "Now listed.";
    });
    const run = await runDoc([good("CreateWidget.md"), "--out", specs]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${path.join(specs, "widget/2020-01-01/actions/CreateWidget.json")}`);
    expect((await readJson<StructureSpec>(path.join(base, "structures/Filter.json"))).usage).toBe("both");
    await loadSpecs(specs);
  });
});
