import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBulk } from "../../../src/importers/bulk/import-bulk.js";
import { ImportError } from "../../../src/importers/common/import-error.js";
import { loadSpecs } from "../../../src/load/index.js";
import type { ActionSpec, ServiceSpec, StructureSpec } from "../../../src/spec/types.js";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/bulk");
const DEMO = path.join(fixtures, "demo");
const COMMON = path.join(fixtures, "common-errors.json");
const DIR = "demo/2020-01-01";

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), "bulk-out-"));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(path.join(out, file), "utf8")) as T;
const action = (name: string) => readJson<ActionSpec>(`${DIR}/actions/${name}.json`);

async function snapshot(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else files.set(rel, await readFile(path.join(root, rel), "utf8"));
    }
  };
  await walk("");
  return files;
}

describe("bulk importer on the demo fixture", () => {
  it("writes a loadable service with every action, structure and error code", async () => {
    const result = await importBulk(DEMO, { out, commonErrors: COMMON });
    expect(result.serviceDir).toBe(DIR);
    expect(result.counts).toEqual({
      actions: 4,
      structures: 4,
      serviceErrorCodes: 2,
      commonErrorCodes: 2,
      samples: 3,
      waiters: 0,
      paginators: 1,
    });
    const specs = await loadSpecs(out);
    const demo = specs.services[0]!;
    expect(demo.actions.map((a) => a.name)).toEqual([
      "CreateWidget",
      "DeleteWidget",
      "DescribeTask",
      "DescribeWidgets",
    ]);
    expect(demo.structures.map((s) => s.name)).toEqual(["Filter", "Policy", "Tag", "Widget"]);
    expect(demo.service).toEqual({
      name: "demo",
      version: "2020-01-01",
      title: "演示",
      endpoint: "demo.tencentcloudapi.com",
      intlEndpoint: "demo.intl.tencentcloudapi.com",
      packageName: "@org/tc-demo",
      clientName: "DemoClient",
      defaultRateLimit: 20,
      waiters: {},
      paginators: { DescribeWidgets: { offset: "Offset", limit: "Limit", items: "WidgetSet", total: "TotalCount" } },
    });
  });

  it("maps action flags: summary, HTML description, limits, deprecation, read-only, sorted errors", async () => {
    await importBulk(DEMO, { out, commonErrors: COMMON });
    const create = await action("CreateWidget");
    expect(create).toMatchObject({
      summary: "Creates a widget",
      description: "This API is used to create a widget.\n\n- Async: poll the task.",
      rateLimit: 5,
      financialRegions: true,
      deprecated: false,
      readOnly: false,
      regionRequired: true,
      errors: ["FailedOperation.WidgetBusy", "InternalError"],
    });
    expect(await action("DescribeWidgets")).toMatchObject({ rateLimit: 50, financialRegions: false, readOnly: true });
    expect((await action("DeleteWidget")).deprecated).toBe(true);
    // "The parameter Verbose is deprecated" speaks of a parameter, not of the action.
    expect((await action("DescribeTask")).deprecated).toBe(false);
  });

  it("maps member types, required flags per direction, nullability and deprecation; drops RequestId", async () => {
    await importBulk(DEMO, { out, commonErrors: COMMON });
    const list = await action("DescribeWidgets");
    expect(list.input.map((m) => [m.name, m.type])).toEqual([
      ["WidgetIds", { kind: "list", items: { kind: "string" } }],
      ["Filters", { kind: "list", items: { kind: "structure", name: "Filter" } }],
      ["WithTags", { kind: "boolean" }],
      ["MinWeight", { kind: "float" }],
      ["Offset", { kind: "integer", width: "uint64" }],
      ["Limit", { kind: "integer", width: "uint64" }],
    ]);
    expect(list.output.map((m) => [m.name, m.required, m.nullable, m.deprecated])).toEqual([
      ["TotalCount", true, false, false],
      ["WidgetSet", true, false, false],
      ["OldSet", false, true, true],
    ]);
    const create = await action("CreateWidget");
    expect(create.input[0]).toEqual({
      name: "Name",
      type: { kind: "string" },
      required: true,
      nullable: false,
      description: "Name & label",
      example: "w",
      deprecated: false,
    });
    expect(create.input[1]!.type).toEqual({ kind: "structure", name: "Policy" });
    const tag = await readJson<StructureSpec>(`${DIR}/structures/Tag.json`);
    // A structure used both ways takes the request's `required`, an output-only one `output_required`.
    expect(tag).toMatchObject({ usage: "both", description: "A tag" });
    expect(tag.members.map((m) => m.required)).toEqual([true, false]);
    const widget = await readJson<StructureSpec>(`${DIR}/structures/Widget.json`);
    expect(widget.usage).toBe("output");
    expect(widget.members.map((m) => m.required)).toEqual([true, false, false]);
  });

  it("types the GET sample by the members and reports the key that fits none", async () => {
    const result = await importBulk(DEMO, { out, commonErrors: COMMON });
    expect((await action("DescribeWidgets")).samples).toEqual([
      {
        title: "List widgets",
        request: {
          WidgetIds: ["w-1", "w-2"],
          Filters: [
            { Name: "zone", Values: ["z1", "z2"], Sizes: [7] },
            { Name: "state", Values: ["ok"] },
          ],
          WithTags: true,
          MinWeight: 0.5,
          Offset: 0,
          Limit: 10,
        },
        response: {
          TotalCount: 1,
          WidgetSet: [{ WidgetId: "w-1", Weight: null, Tags: [{ Key: "k", Value: "v" }] }],
          RequestId: "r-1",
        },
      },
    ]);
    expect(result.warnings).toContain(
      'DescribeWidgets sample "List widgets": request /Colour: no member "Colour", dropped',
    );
    expect(result.warnings).toContain(
      'DescribeTask sample "Query": request names Action=DescribeTsk, read as DescribeTask',
    );
  });

  it("skips a sample whose response is not valid JSON with a warning naming the action", async () => {
    const result = await importBulk(DEMO, { out, commonErrors: COMMON });
    const create = await action("CreateWidget");
    expect(create.samples.map((s) => s.title)).toEqual(["Create"]);
    expect(create.samples[0]).toEqual({
      title: "Create",
      description: "Creates one widget.",
      request: { Name: "w", Policy: { Enabled: true }, Tags: [{ Key: "k", Value: "v" }] },
      response: { TaskId: 42, RequestId: "r-2" },
    });
    expect(result.warnings.filter((w) => w.includes("Broken output"))).toEqual([
      expect.stringMatching(/^CreateWidget sample "Broken output": response is not valid JSON \(.*\); sample skipped$/),
    ]);
  });

  it("is idempotent: a second run writes nothing and leaves every byte as it was", async () => {
    await importBulk(DEMO, { out, commonErrors: COMMON });
    const before = await snapshot(out);
    const mtime = (await stat(path.join(out, DIR, "actions/CreateWidget.json"))).mtimeMs;
    const again = await importBulk(DEMO, { out, commonErrors: COMMON });
    expect(again.written).toEqual([]);
    expect(again.removed).toEqual([]);
    expect(again.unchanged).toBe(before.size);
    expect(await snapshot(out)).toEqual(before);
    expect((await stat(path.join(out, DIR, "actions/CreateWidget.json"))).mtimeMs).toBe(mtime);
  });

  it("keeps hand-curated service fields and recomputes what the actions determine", async () => {
    await importBulk(DEMO, { out, commonErrors: COMMON });
    const file = path.join(out, DIR, "service.json");
    const curated: ServiceSpec = {
      ...(await readJson<ServiceSpec>(`${DIR}/service.json`)),
      title: "Demo Widgets",
      packageName: "@acme/widgets",
      clientName: "WidgetsClient",
      defaultRateLimit: 10,
      waiters: {
        TaskDone: {
          action: "DescribeTask",
          input: "TaskId",
          path: "Status",
          success: ["succeed"],
          failure: ["failed"],
          minDelayMs: 500,
          maxDelayMs: 2000,
          trackedActions: ["DescribeWidgets"],
        },
      },
      paginators: {
        DescribeWidgets: { offset: "Offset", limit: "Limit", items: "OldSet" },
        DescribeTask: { offset: "Offset", limit: "Limit", items: "Gone" },
      },
    };
    await writeFile(file, JSON.stringify(curated));
    const result = await importBulk(DEMO, { out, commonErrors: COMMON });
    const service = await readJson<ServiceSpec>(`${DIR}/service.json`);
    expect(service).toMatchObject({
      title: "Demo Widgets",
      packageName: "@acme/widgets",
      clientName: "WidgetsClient",
      defaultRateLimit: 10,
    });
    // Float task ids count: upstream types some ids that way.
    expect(service.waiters["TaskDone"]).toEqual({
      ...curated.waiters["TaskDone"],
      trackedActions: ["CreateWidget", "DeleteWidget"],
    });
    expect(service.paginators).toEqual({ DescribeWidgets: { offset: "Offset", limit: "Limit", items: "OldSet" } });
    expect(result.warnings).toContain('service.json paginator DescribeTask dropped: no integer input "Offset"');
    // Actions without a limits.json entry follow the curated default.
    expect((await action("DeleteWidget")).rateLimit).toBe(10);
  });

  it("keeps a committed action's regionRequired, which the service description does not state", async () => {
    await importBulk(DEMO, { out, commonErrors: COMMON });
    const file = path.join(out, DIR, "actions/DescribeTask.json");
    await writeFile(file, (await readFile(file, "utf8")).replace('"regionRequired": true', '"regionRequired": false'));
    await importBulk(DEMO, { out, commonErrors: COMMON });
    expect((await action("DescribeTask")).regionRequired).toBe(false);
  });

  it("removes action and structure files that no longer exist in the source", async () => {
    await importBulk(DEMO, { out, commonErrors: COMMON });
    const stale = await readFile(path.join(out, DIR, "actions/DescribeTask.json"), "utf8");
    await writeFile(path.join(out, DIR, "actions/DescribeOld.json"), stale.replace(/DescribeTask/g, "DescribeOld"));
    await writeFile(path.join(out, DIR, "structures/Old.json"), '{"name":"Old"}');
    const result = await importBulk(DEMO, { out, commonErrors: COMMON });
    expect(result.removed).toEqual([`${DIR}/actions/DescribeOld.json`, `${DIR}/structures/Old.json`]);
    await loadSpecs(out);
  });
});

describe("bulk importer on broken input", () => {
  let src: string;
  beforeEach(async () => {
    src = await mkdtemp(path.join(os.tmpdir(), "bulk-src-"));
    await cp(DEMO, path.join(src, "demo"), { recursive: true });
    await cp(path.join(fixtures, "common-errors.json"), path.join(src, "common-errors.json"));
  });
  afterEach(async () => {
    await rm(src, { recursive: true, force: true });
  });

  async function editApi(edit: (api: any) => void): Promise<void> {
    const file = path.join(src, "demo/api.json");
    const api = JSON.parse(await readFile(file, "utf8"));
    edit(api);
    await writeFile(file, JSON.stringify(api));
  }

  async function failure(): Promise<ImportError> {
    const err = await importBulk(path.join(src, "demo"), { out, commonErrors: COMMON }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }

  it("names every missing structure reference by file and JSON path, and writes nothing", async () => {
    await editApi((api) => {
      delete api.objects.Policy;
      api.objects.Widget.members[2].member = "Label";
    });
    const err = await failure();
    const apiFile = path.join(src, "demo/api.json");
    expect(err.problems).toEqual([
      {
        file: apiFile,
        path: "/objects/Widget/members/2/member",
        message: 'references structure "Label", which is not a shared structure in api.json objects',
      },
      {
        file: apiFile,
        path: "/objects/CreateWidgetRequest/members/1/member",
        message: 'references structure "Policy", which is not a shared structure in api.json objects',
      },
    ]);
    expect(err.message).toContain("/objects/Widget/members/2/member");
    expect(await readdir(out)).toEqual([]);
  });

  it("reports source shape errors across files with their JSON paths", async () => {
    await editApi((api) => {
      api.objects.Tag.members[0].type = "map";
      delete api.actions.DescribeTask.input;
    });
    await writeFile(path.join(src, "demo/limits.json"), '{"actions": {"CreateWidget": {"ratePerSecond": 0}}}');
    const err = await failure();
    expect(err.problems.map((p) => [path.basename(p.file), p.path])).toEqual([
      ["api.json", "/actions/DescribeTask"],
      ["api.json", "/objects/Tag/members/0/type"],
      ["limits.json", "/actions/CreateWidget/ratePerSecond"],
    ]);
    expect(await readdir(out)).toEqual([]);
  });

  it("rejects an action error code known nowhere", async () => {
    const file = path.join(src, "demo/errors.json");
    const errors = JSON.parse(await readFile(file, "utf8"));
    errors.actions.DescribeTask.push("FailedOperation.Nope");
    await writeFile(file, JSON.stringify(errors));
    const err = await failure();
    expect(err.problems).toEqual([
      {
        file,
        path: "/actions/DescribeTask",
        message: 'code "FailedOperation.Nope" is neither a service nor a common error code',
      },
    ]);
  });

  it("leaves the previous output untouched when a re-import fails validation", async () => {
    await importBulk(path.join(src, "demo"), { out, commonErrors: COMMON });
    const before = await snapshot(out);
    const file = path.join(out, DIR, "service.json");
    const service = JSON.parse(await readFile(file, "utf8")) as ServiceSpec;
    service.waiters["Broken"] = {
      action: "DescribeGone",
      input: "TaskId",
      path: "Status",
      success: ["ok"],
      failure: [],
      minDelayMs: 1,
      maxDelayMs: 2,
      trackedActions: [],
    };
    await writeFile(file, JSON.stringify(service));
    before.set(`${DIR}/service.json`, JSON.stringify(service));
    await editApi((api) => {
      api.actions.CreateWidget.name = "Makes a widget";
    });
    await expect(importBulk(path.join(src, "demo"), { out, commonErrors: COMMON })).rejects.toThrow(
      /waiters\/Broken\/action: action "DescribeGone" not found/,
    );
    expect(await snapshot(out)).toEqual(before);
    expect((await readdir(path.dirname(out))).filter((n) => n.startsWith(`.${path.basename(out)}-staging-`))).toEqual(
      [],
    );
  });

  it("works without examples.json and limits.json, noting the defaults", async () => {
    await rm(path.join(src, "demo/examples.json"));
    await rm(path.join(src, "demo/limits.json"));
    const result = await importBulk(path.join(src, "demo"), { out, commonErrors: COMMON });
    expect(result.counts.samples).toBe(0);
    expect(result.infos).toEqual(expect.arrayContaining([expect.stringContaining("examples.json not found")]));
    expect((await action("CreateWidget")).rateLimit).toBe(20);
  });
});
