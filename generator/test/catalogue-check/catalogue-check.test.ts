import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CatalogueCheckResult, catalogueCheck } from "../../src/commands/catalogue-check/check.js";
import { runCatalogueCheck, table } from "../../src/commands/catalogue-check/index.js";
import { exampleRequest } from "../../src/emit/support/example-request.js";
import { kettleIr } from "../emit/golden.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** A catalogue the project wrote: two versions of `demo` (the second with Invoke, Credentials, constructor) and a broken service. */
const CATALOGUE = path.resolve(HERE, "../fixtures/catalogue");
const COMMON = path.join(CATALOGUE, "common-errors.json");
const REPO_ROOT = path.resolve(HERE, "../../..");

describe("catalogue:check on a fixture catalogue", () => {
  let workDir: string;
  let result: CatalogueCheckResult;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), "catalogue-check-test-"));
    result = await catalogueCheck({ catalogue: CATALOGUE, commonErrors: COMMON, workDir, repoRoot: REPO_ROOT });
  }, 240_000);
  afterAll(() => rm(workDir, { recursive: true, force: true }));

  it("imports, generates, type-checks and smoke-tests every version of a good service", () => {
    const demo = result.rows.filter((r) => r.id.startsWith("demo-"));
    expect(demo).toEqual([
      {
        id: "demo-2020-01-01",
        actions: 4,
        import: "ok",
        generate: "ok",
        typeCheck: "ok",
        smoke: "ok",
        rejectedSamples: [],
      },
      {
        id: "demo-2021-06-01",
        actions: 5,
        import: "ok",
        generate: "ok",
        typeCheck: "ok",
        smoke: "ok",
        rejectedSamples: [expect.stringMatching(/^Invoke: ValidationError: .*WidgetId: required$/)],
      },
    ]);
  });

  it("reports a service that fails to import with its first reason, and goes on with the others", () => {
    const broken = result.rows.find((r) => r.id === "broken-2022-01-01");
    expect(broken).toMatchObject({ import: "FAIL", generate: "-", typeCheck: "-", smoke: "-" });
    expect(broken?.reason).toContain("NoSuchStructure");
  });

  it("prints a table with one row per service version and the reason last", () => {
    const lines = table(result.rows).split("\n");
    expect(lines[0]).toMatch(/^service version\s+actions\s+import\s+generate\s+type-check\s+smoke\s+first reason$/);
    expect(lines[1]).toMatch(/^broken-2022-01-01\s+0\s+FAIL\s+-\s+-\s+-\s+.*NoSuchStructure/);
    expect(lines[3]).toMatch(/^demo-2021-06-01\s+5\s+ok\s+ok\s+ok\s+ok$/);
  });
});

describe("catalogue:check command", () => {
  it("exits 1 with a summary line when a service fails, 0 when --only picks passing ones", async () => {
    const out: string[] = [];
    const log = console.log;
    console.log = (line: string) => out.push(line);
    try {
      expect(await runCatalogueCheck([CATALOGUE, "--common", COMMON, "--only", "broken"])).toBe(1);
      expect(out.at(-1)).toMatch(/^catalogue:check: 0\/1 service versions passed, 1 failed; 0 actions in \d+ s/);
      expect(await runCatalogueCheck([CATALOGUE, "--common", COMMON, "--only", "demo-2020-01-01"])).toBe(0);
      expect(out.at(-1)).toMatch(
        /^catalogue:check: 1\/1 service versions passed, 0 failed; 4 actions in \d+ s \([\d.]+ ms per action/,
      );
    } finally {
      console.log = log;
    }
  }, 240_000);

  it("rejects a missing directory argument with usage", async () => {
    const err: string[] = [];
    const error = console.error;
    console.error = (line: string) => err.push(line);
    try {
      expect(await runCatalogueCheck([])).toBe(2);
    } finally {
      console.error = error;
    }
    expect(err.join("\n")).toContain("usage: npm run catalogue:check");
  });
});

describe("requests built from member examples", () => {
  it("fills every required member with its example in the member's type, or a plain value", async () => {
    const ir = await kettleIr();
    const boil = ir.actions.find((a) => a.name === "BoilWater")!;
    const request = exampleRequest(ir, boil.input);
    for (const m of boil.input.filter((m) => m.required)) expect(request).toHaveProperty(m.name);
    for (const m of boil.input.filter((m) => !m.required)) expect(request).not.toHaveProperty(m.name);
    const withPlaceholders = exampleRequest(ir, [
      {
        name: "Count",
        type: { kind: "int64" },
        required: true,
        nullable: false,
        description: "",
        example: "无",
        deprecated: false,
      },
      {
        name: "Ids",
        type: { kind: "list", items: { kind: "string" } },
        required: true,
        nullable: false,
        description: "",
        example: '["a","b"]',
        deprecated: false,
      },
      {
        name: "Ratio",
        type: { kind: "float" },
        required: true,
        nullable: false,
        description: "",
        example: "0.5",
        deprecated: false,
      },
      {
        name: "__proto__",
        type: { kind: "string" },
        required: true,
        nullable: false,
        description: "",
        example: "",
        deprecated: false,
      },
    ]);
    expect(withPlaceholders).toEqual({ Count: 1, Ids: ["a"], Ratio: 0.5, ["__proto__"]: "example" });
    expect(Object.getPrototypeOf(withPlaceholders)).toBe(Object.prototype);
    expect(Object.keys(withPlaceholders)).toContain("__proto__");
  });
});
