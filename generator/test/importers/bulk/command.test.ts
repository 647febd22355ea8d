import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runSpecsImport } from "../../../src/commands/specs-import.js";

const DEMO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/bulk/demo");
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

let out: string;
let stdout: string[];
let stderr: string[];
beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), "bulk-cli-"));
  stdout = [];
  stderr = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void stdout.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void stderr.push(args.join(" ")));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(out, { recursive: true, force: true });
});

describe("specs:import bulk", () => {
  it("imports into an empty --out, bringing the project's common codes, and reports nothing written on a re-run", async () => {
    const projectCommon = path.join(REPO_ROOT, "specs/common/errors.json");
    const commonCount = Object.keys(
      (JSON.parse(await readFile(projectCommon, "utf8")) as { codes: object }).codes,
    ).length;
    expect(await runSpecsImport(["bulk", DEMO, "--out", out])).toBe(0);
    expect(stdout[0]).toBe(
      `demo/2020-01-01: 4 actions, 4 structures, 2 service error codes, ${commonCount} common error codes, 3 samples, 0 waiters, 1 paginators`,
    );
    expect(stdout[1]).toMatch(/: 11 written, 0 removed, 0 unchanged; 7 warnings$/);
    expect(stderr.filter((l) => l.startsWith("warning: demo/2020-01-01: "))).toHaveLength(7);
    expect(stderr).toContain(
      `note: demo/2020-01-01: common/errors.json was missing in ${out}: written from ${projectCommon} (pass --common FILE to choose another)`,
    );
    expect(await readFile(path.join(out, "common/errors.json"), "utf8")).toBe(await readFile(projectCommon, "utf8"));

    stdout.length = 0;
    expect(await runSpecsImport(["bulk", DEMO, "--out", out])).toBe(0);
    expect(stdout[1]).toMatch(/: 0 written, 0 removed, 10 unchanged; 7 warnings$/);
    expect(stdout).toHaveLength(2);
  });

  it("exits 1 with every problem and 'nothing written' on bad input", async () => {
    expect(await runSpecsImport(["bulk", path.join(out, "missing"), "--out", out])).toBe(1);
    expect(stderr.join("\n")).toMatch(/api\.json: file is missing: a service directory needs api\.json/);
    expect(stderr.at(-1)).toBe("nothing written");
  });

  it("exits 2 on usage errors", async () => {
    expect(await runSpecsImport(["bulk"])).toBe(2);
    expect(await runSpecsImport(["bulk", DEMO, "--bogus"])).toBe(2);
    expect(await runSpecsImport(["bulk", DEMO, "extra"])).toBe(2);
    expect(await runSpecsImport(["nope"])).toBe(2);
    expect(stderr.join("\n")).toContain('unknown import form "nope"');
  });
});
