import { mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecs } from "../../../src/load/index.js";
import type { ActionSpec, ErrorsSpec, SpecMember, SpecType, StructureSpec } from "../../../src/spec/types.js";
import { FIXTURES, REPO_ROOT, readJson, runDoc, tempDir } from "./helpers.js";
import { committedWidgetTree, editSpec, GOOD_PAGES, snapshot } from "./widget-tree.js";

const good = (name: string) => path.join(FIXTURES, "good", name);

const member = (name: string, type: SpecType, required = false): SpecMember => ({
  name,
  type,
  required,
  nullable: false,
  description: name,
  deprecated: false,
});

/** The committed widget tree, edited as a newer service description would have it. */
async function committedWidgetSpecs(): Promise<string> {
  const { specs, base } = await committedWidgetTree();
  await editSpec<ErrorsSpec>(base, "errors.json", (e) => {
    delete e.codes["FailedOperation.Busy"];
    e.codes["FailedOperation.Old"] = "Retired code.";
  });
  await editSpec<ActionSpec>(base, "actions/DescribeWidgets.json", (a) => {
    a.rateLimit = 20;
    a.input.find((m) => m.name === "Limit")!.required = true;
    // Width differs from the page's int64: not a difference the page can express.
    a.input.find((m) => m.name === "Offset")!.type = { kind: "integer", width: "uint64" };
    a.input.push(member("OrderBy", { kind: "string" }));
    a.output.find((m) => m.name === "TotalCount")!.type = { kind: "string" };
    a.errors = ["FailedOperation.Old", "ResourceNotFound.WidgetNotFound"];
  });
  await editSpec<StructureSpec>(base, "structures/Widget.json", (s) => {
    s.members = s.members.filter((m) => m.name !== "Labels");
    s.members.push(member("Color", { kind: "string" }));
    // Output structures' presence flags are not stated by pages, so this is not a difference either.
    s.members[0]!.required = false;
  });
  await editSpec<StructureSpec>(base, "structures/Filter.json", (s) => {
    s.members.find((m) => m.name === "Values")!.required = true;
  });
  await loadSpecs(specs); // the edited tree must still be a valid committed tree for the comparison to mean anything
  return specs;
}

describe("doc import --diff", () => {
  it("reports members, types, required flags, error codes and settings that differ, and writes nothing", async () => {
    const specs = await committedWidgetSpecs();
    const before = await snapshot(specs);
    const run = await runDoc([...GOOD_PAGES, "--out", specs, "--diff"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "action CreateWidget: new (no widget/2020-01-01/actions/CreateWidget.json in the committed specs)",
        "action DescribeWidgets (widget/2020-01-01/actions/DescribeWidgets.json):",
        "  ~ rateLimit: committed 20, page 10",
        "  ~ input Limit: required committed yes, page no",
        "  - input OrderBy: string",
        "  ~ output TotalCount: type committed string, page integer",
        "  + error InvalidParameter.BadFilter",
        "  - error FailedOperation.Old",
        "structure Filter (widget/2020-01-01/structures/Filter.json):",
        "  ~ member Values: required committed yes, page no",
        "structure Part: same as committed",
        "structure Widget (widget/2020-01-01/structures/Widget.json):",
        "  + member Labels: object",
        "  - member Color: string",
        "error codes (widget/2020-01-01/errors.json):",
        "  + code FailedOperation.Busy",
        "  - code FailedOperation.Old",
        "",
        "Summary: 2 actions (0 same, 1 differ, 1 new), 3 structures (1 same, 2 differ, 0 new)",
        "  members: 1 added, 2 removed, 1 type changed, 2 required changed",
        "  action error codes: 1 added, 1 removed; action settings changed: 1; service error codes: 1 added, 1 removed",
        "  (+ only on the page, - only in the committed spec; integer width and output presence are not compared: pages state neither)",
        "",
      ].join("\n"),
    );
    expect(await snapshot(specs)).toEqual(before);

    const again = await runDoc([...GOOD_PAGES, "--out", specs, "--diff"]);
    expect(again.stdout).toBe(run.stdout);
    expect(again.stderr).toBe(run.stderr);
  });

  it("fails, listing the problems, when the committed specs do not load", async () => {
    const specs = path.join(await tempDir(), "specs");
    await mkdir(specs);
    const run = await runDoc([good("DescribeWidgets.md"), "--out", specs, "--diff"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot compare: the specs in ${specs} do not load`);
    expect(run.stderr).toContain("common/errors.json");

    const missing = path.join(specs, "nowhere");
    const none = await runDoc([good("DescribeWidgets.md"), "--out", missing, "--diff"]);
    expect(none).toMatchObject({ code: 1, stderr: `cannot compare: there is no specs folder at ${missing}\n` });
  });
});
