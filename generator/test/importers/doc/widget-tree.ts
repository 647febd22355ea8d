import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { loadSpecs } from "../../../src/load/index.js";
import type { ErrorsSpec, ServiceSpec } from "../../../src/spec/types.js";
import { canonicalJson } from "../../../src/spec/write-json.js";
import { FIXTURES, listFiles, readJson, runDoc, tempDir } from "./helpers.js";

/** The good fixture pages: two actions, their structures and the error-code page. */
export const GOOD_PAGES = ["DescribeWidgets.md", "CreateWidget.md", "DataStructures.md", "ErrorCodes.md"].map((name) =>
  path.join(FIXTURES, "good", name),
);

/**
 * A complete, loadable "committed" widget tree in a temporary folder: the good pages imported,
 * plus the common error codes and service file an import does not write. CreateWidget is left out
 * because it lists a code (FailedOperation.Unlisted) that the service's errors.json lacks.
 */
export async function committedWidgetTree(): Promise<{ specs: string; base: string }> {
  const specs = path.join(await tempDir(), "specs");
  expect((await runDoc([...GOOD_PAGES, "--out", specs])).code).toBe(0);
  const base = path.join(specs, "widget/2020-01-01");
  await rm(path.join(base, "actions/CreateWidget.json"));
  await mkdir(path.join(specs, "common"));
  const common: ErrorsSpec = { codes: { InternalError: "Internal error.", InvalidParameter: "Invalid parameter." } };
  await writeFile(path.join(specs, "common/errors.json"), canonicalJson(common));
  const service: ServiceSpec = {
    name: "widget",
    title: "Widgets",
    version: "2020-01-01",
    endpoint: "widget.tencentcloudapi.com",
    intlEndpoint: "widget.intl.tencentcloudapi.com",
    packageName: "@org/tc-widget",
    clientName: "WidgetClient",
    defaultRateLimit: 20,
    waiters: {},
    paginators: {},
  };
  await writeFile(path.join(base, "service.json"), canonicalJson(service));
  await loadSpecs(specs);
  return { specs, base };
}

/** Rewrites one spec file of `base` through `change`. */
export async function editSpec<T>(base: string, file: string, change: (value: T) => void): Promise<void> {
  const value = await readJson<T>(path.join(base, file));
  change(value);
  await writeFile(path.join(base, file), canonicalJson(value));
}

/** Every file below `dir` with its content, to show a run changed nothing. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f), "utf8")] as const)));
}
