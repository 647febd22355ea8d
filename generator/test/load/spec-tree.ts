import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ActionSpec, ServiceSpec, SpecMember, StructureSpec } from "../../src/spec/types.js";
import { canonicalJson } from "../../src/spec/write-json.js";

/** A member with the defaults tests rarely care about. */
export function member(name: string, type: SpecMember["type"], extra: Partial<SpecMember> = {}): SpecMember {
  return { name, type, required: false, nullable: false, description: name, deprecated: false, ...extra };
}

/** A small valid service: a paginated list action, a task action, a task query and a structure. */
export function validService(): { service: ServiceSpec; actions: ActionSpec[]; structures: StructureSpec[] } {
  const action = (name: string, input: SpecMember[], output: SpecMember[], errors: string[] = []): ActionSpec => ({
    name,
    summary: `${name} summary`,
    description: `${name} description`,
    rateLimit: 20,
    financialRegions: false,
    deprecated: false,
    readOnly: name.startsWith("Describe"),
    regionRequired: true,
    input,
    output,
    errors,
    samples: [],
  });
  const int = { kind: "integer", width: "int64" } as const;
  return {
    service: {
      name: "demo",
      title: "Demo",
      version: "2020-01-01",
      endpoint: "demo.tencentcloudapi.com",
      intlEndpoint: "demo.intl.tencentcloudapi.com",
      packageName: "@org/tc-demo",
      clientName: "DemoClient",
      defaultRateLimit: 20,
      waiters: {
        TaskDone: {
          action: "DescribeTask",
          input: "TaskId",
          path: "Status",
          success: ["done"],
          failure: ["failed"],
          minDelayMs: 1000,
          maxDelayMs: 5000,
          trackedActions: ["CreateWidget"],
        },
      },
      paginators: { DescribeWidgets: { offset: "Offset", limit: "Limit", items: "WidgetSet", total: "TotalCount" } },
    },
    actions: [
      action(
        "CreateWidget",
        [member("Name", { kind: "string" }, { required: true })],
        [member("TaskId", int)],
        ["FailedOperation.Busy", "InternalError"],
      ),
      action("DescribeTask", [member("TaskId", int, { required: true })], [member("Status", { kind: "string" })]),
      action(
        "DescribeWidgets",
        [member("Offset", int), member("Limit", int)],
        [
          member("TotalCount", int),
          member("WidgetSet", { kind: "list", items: { kind: "structure", name: "Widget" } }),
        ],
      ),
    ],
    structures: [
      { name: "Widget", description: "A widget", usage: "output", members: [member("WidgetId", { kind: "string" })] },
    ],
  };
}

/** Writes a specs root holding common errors and the given service; returns its path. */
export async function writeSpecTree(spec = validService(), overrides: Record<string, unknown> = {}): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "specs-test-"));
  const files: Record<string, unknown> = {
    "common/errors.json": { codes: { InternalError: "Internal error." } },
    "demo/2020-01-01/errors.json": { codes: { "FailedOperation.Busy": "Busy." } },
    "demo/2020-01-01/service.json": spec.service,
  };
  for (const a of spec.actions) files[`demo/2020-01-01/actions/${a.name}.json`] = a;
  for (const s of spec.structures) files[`demo/2020-01-01/structures/${s.name}.json`] = s;
  Object.assign(files, overrides);
  for (const [file, value] of Object.entries(files)) {
    if (value === undefined) continue;
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), typeof value === "string" ? value : canonicalJson(value));
  }
  return root;
}

/** Removes a tree made by {@link writeSpecTree}. */
export function removeTree(root: string): Promise<void> {
  return rm(root, { recursive: true, force: true });
}
