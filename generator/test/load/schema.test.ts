import { afterEach, describe, expect, it } from "vitest";
import { loadSpecs, SpecLoadError, type SpecProblem } from "../../src/load/index.js";
import { removeTree, validService, writeSpecTree } from "./spec-tree.js";

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map(removeTree));
});

async function tree(...args: Parameters<typeof writeSpecTree>): Promise<string> {
  const root = await writeSpecTree(...args);
  roots.push(root);
  return root;
}

async function problems(root: string): Promise<SpecProblem[]> {
  const err = await loadSpecs(root).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SpecLoadError);
  return (err as SpecLoadError).problems;
}

const ACTION = "demo/2020-01-01/actions/CreateWidget.json";

describe("schema validation", () => {
  it("loads a valid tree with everything typed and sorted", async () => {
    const specs = await loadSpecs(await tree());
    expect(specs.services).toHaveLength(1);
    const [demo] = specs.services;
    expect(demo!.dir).toBe("demo/2020-01-01");
    expect(demo!.actions.map((a) => a.name)).toEqual(["CreateWidget", "DescribeTask", "DescribeWidgets"]);
    expect(demo!.files).toContain("demo/2020-01-01/structures/Widget.json");
    expect(demo!.files).not.toContain("common/errors.json");
    expect(specs.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives the same content hash for the same bytes and a different one when a byte changes", async () => {
    const a = await loadSpecs(await tree());
    const b = await loadSpecs(await tree());
    expect(b.contentHash).toBe(a.contentHash);
    const spec = validService();
    spec.actions[0]!.summary = "changed";
    const c = await loadSpecs(await tree(spec));
    expect(c.contentHash).not.toBe(a.contentHash);
  });

  it("reports an unknown type kind at the member's type path", async () => {
    const spec = validService();
    (spec.actions[0]!.input[0]! as { type: unknown }).type = { kind: "integr" };
    expect(await problems(await tree(spec))).toEqual([
      { file: ACTION, path: "/input/0/type", message: expect.stringContaining("unknown kind") },
    ]);
  });

  it("reports a missing width, an unknown property and a wrong value type in one go", async () => {
    const spec = validService();
    const action = spec.actions[0]! as unknown as Record<string, unknown> & { output: Array<Record<string, unknown>> };
    action.output[0]!["type"] = { kind: "integer" };
    action["retries"] = 3;
    action["rateLimit"] = "fast";
    const found = await problems(await tree(spec));
    expect(found).toEqual(
      expect.arrayContaining([
        { file: ACTION, path: "/output/0/type", message: 'missing required property "width"' },
        { file: ACTION, path: "", message: 'unknown property "retries"' },
        { file: ACTION, path: "/rateLimit", message: "must be integer" },
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it("reports a nested list item type by its full path", async () => {
    const spec = validService();
    (spec.actions[2]!.output[1]! as { type: unknown }).type = { kind: "list", items: { kind: "list" } };
    const [problem] = await problems(await tree(spec));
    expect(problem).toMatchObject({
      file: "demo/2020-01-01/actions/DescribeWidgets.json",
      path: "/output/1/type/items",
      message: 'missing required property "items"',
    });
  });

  it("rejects a multi-line summary, a bad service name and an invalid error code key", async () => {
    const spec = validService();
    spec.actions[0]!.summary = "two\nlines";
    spec.service.endpoint = "not a host";
    const root = await tree(spec, { "demo/2020-01-01/errors.json": { codes: { "Bad Code": "x" } } });
    const found = await problems(root);
    expect(found.map((p) => `${p.file}#${p.path}`)).toEqual(
      expect.arrayContaining([
        `${ACTION}#/summary`,
        "demo/2020-01-01/errors.json#/codes/Bad Code",
        "demo/2020-01-01/service.json#/endpoint",
      ]),
    );
  });

  it("reports invalid JSON with line and column, and keeps checking other files", async () => {
    const spec = validService();
    spec.actions[1]!.rateLimit = 0;
    const root = await tree(spec, { [ACTION]: '{\n  "name": "CreateWidget",\n}\n' });
    const found = await problems(root);
    expect(found).toContainEqual({
      file: ACTION,
      path: "",
      message: expect.stringMatching(/invalid JSON: .*\(line 3, column 1\)/),
    });
    expect(found).toContainEqual({
      file: "demo/2020-01-01/actions/DescribeTask.json",
      path: "/rateLimit",
      message: "must be >= 1",
    });
  });

  it("lists every problem in the error message, one per line with file#path", async () => {
    const spec = validService();
    spec.actions[0]!.rateLimit = 0;
    spec.actions[1]!.rateLimit = 0;
    const err = (await loadSpecs(await tree(spec)).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain("2 problems");
    expect(err.message).toContain(`${ACTION}#/rateLimit: must be >= 1`);
    expect(err.message).toContain("demo/2020-01-01/actions/DescribeTask.json#/rateLimit: must be >= 1");
  });
});
