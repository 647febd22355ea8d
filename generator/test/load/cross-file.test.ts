import { afterEach, describe, expect, it } from "vitest";
import { loadSpecs, SpecLoadError, type SpecProblem } from "../../src/load/index.js";
import { member, removeTree, validService, writeSpecTree } from "./spec-tree.js";

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map(removeTree));
});

async function problemsOf(...args: Parameters<typeof writeSpecTree>): Promise<SpecProblem[]> {
  const root = await writeSpecTree(...args);
  roots.push(root);
  const err = await loadSpecs(root).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SpecLoadError);
  return (err as SpecLoadError).problems;
}

const DIR = "demo/2020-01-01";
const SERVICE = `${DIR}/service.json`;

describe("cross-file rules", () => {
  it("reports a structure reference that resolves nowhere, at the innermost type path", async () => {
    const spec = validService();
    spec.structures[0]!.members.push(member("Parts", { kind: "list", items: { kind: "structure", name: "Part" } }));
    expect(await problemsOf(spec)).toEqual([
      {
        file: `${DIR}/structures/Widget.json`,
        path: "/members/1/type/items/name",
        message: `structure "Part" not found in ${DIR}/structures/`,
      },
    ]);
  });

  it("does not report references to a structure whose own file is broken", async () => {
    const found = await problemsOf(validService(), { [`${DIR}/structures/Widget.json`]: '{"name": "Widget"}' });
    expect(found.every((p) => p.file === `${DIR}/structures/Widget.json`)).toBe(true);
  });

  it("requires file name and name to agree, and service name/version to match their folders", async () => {
    const spec = validService();
    spec.service.version = "2021-01-01";
    const found = await problemsOf(spec, {
      [`${DIR}/actions/Renamed.json`]: { ...spec.actions[1]!, name: "DescribeOther" },
    });
    expect(found).toEqual(
      expect.arrayContaining([
        {
          file: `${DIR}/actions/Renamed.json`,
          path: "/name",
          message: 'name "DescribeOther" does not match file name "Renamed"',
        },
        { file: SERVICE, path: "/version", message: 'version "2021-01-01" does not match directory "2020-01-01"' },
      ]),
    );
  });

  it("requires action error codes to exist in the service or common errors", async () => {
    const spec = validService();
    spec.actions[0]!.errors.push("FailedOperation.Unknown");
    expect(await problemsOf(spec)).toEqual([
      {
        file: `${DIR}/actions/CreateWidget.json`,
        path: "/errors/2",
        message: `error code "FailedOperation.Unknown" is in neither ${DIR}/errors.json nor common/errors.json`,
      },
    ]);
  });

  it("checks waiters refer to real actions and members", async () => {
    const spec = validService();
    spec.service.waiters["TaskDone"] = {
      ...spec.service.waiters["TaskDone"]!,
      path: "State",
      minDelayMs: 9000,
      trackedActions: ["CreateWidget", "DescribeWidgets", "Nope"],
    };
    spec.service.waiters["Other"] = {
      ...spec.service.waiters["TaskDone"]!,
      action: "DescribeMissing",
      trackedActions: [],
    };
    const found = await problemsOf(spec);
    expect(found.map((p) => [p.path, p.message])).toEqual(
      expect.arrayContaining([
        ["/waiters/TaskDone/path", '"State" is not an output member of DescribeTask'],
        ["/waiters/TaskDone/minDelayMs", "minDelayMs is greater than maxDelayMs"],
        ["/waiters/TaskDone/trackedActions/1", 'DescribeWidgets has no output member "TaskId" to track'],
        ["/waiters/TaskDone/trackedActions/2", 'action "Nope" not found'],
        ["/waiters/Other/action", 'action "DescribeMissing" not found'],
      ]),
    );
    expect(found.every((p) => p.file === SERVICE)).toBe(true);
  });

  it("checks paginators name an action with integer offset/limit, a list and an integer total", async () => {
    const spec = validService();
    spec.service.paginators = {
      DescribeWidgets: { offset: "Start", limit: "Limit", items: "TotalCount", total: "WidgetSet" },
      DescribeGone: { offset: "Offset", limit: "Limit", items: "X" },
    };
    const found = await problemsOf(spec);
    // Spec files are canonical JSON (sorted keys), so DescribeGone is checked first.
    expect(found.map((p) => [p.path, p.message])).toEqual([
      ["/paginators/DescribeGone", 'action "DescribeGone" not found'],
      ["/paginators/DescribeWidgets/offset", '"Start" is not an input member of DescribeWidgets'],
      ["/paginators/DescribeWidgets/items", '"TotalCount" is not a list'],
      ["/paginators/DescribeWidgets/total", '"WidgetSet" is not an integer'],
    ]);
  });

  it("reports duplicate members, missing service files and stray files", async () => {
    const spec = validService();
    spec.actions[1]!.input.push(member("TaskId", { kind: "string" }));
    const found = await problemsOf(spec, {
      [`${DIR}/errors.json`]: undefined,
      [`${DIR}/actions/notes.txt`]: "hello",
      "other/2020-01-01/.keep": "",
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { file: `${DIR}/actions/DescribeTask.json`, path: "/input/1/name", message: 'duplicate member "TaskId"' },
        { file: `${DIR}/errors.json`, path: "", message: "file is missing" },
        { file: `${DIR}/actions/notes.txt`, path: "", message: "unexpected entry: only *.json files belong here" },
        { file: "other/2020-01-01/service.json", path: "", message: "file is missing" },
      ]),
    );
  });
});
