import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runSpecsImport } from "../../src/commands/specs-import.js";
import { importBulk } from "../../src/importers/bulk/import-bulk.js";
import { ImportError } from "../../src/importers/common/import-error.js";
import { writeSpecTree } from "../../src/importers/common/write-tree.js";
import { loadSpecs } from "../../src/load/index.js";
import type { ActionSpec, ErrorsSpec, SpecMember } from "../../src/spec/types.js";
import { UnsafePathError } from "../../src/write/paths.js";

// Crafted service descriptions, one per defect found by the review (issue 11, items 1, 2 and 6) and
// the upstream defects of the catalogue (issue 10): each must be refused with a clear error or
// imported safely, and nothing may be written outside --out.

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string) => path.join(FIXTURES, name);

let sandbox: string;
let out: string;
beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), "hostile-"));
  out = path.join(sandbox, "a", "b", "specs");
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

/** Every file under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (err: unknown) => err,
  );

describe("names that would leave --out", () => {
  it("refuses an action named ../../../../escaped before anything is staged, naming api.json and the JSON path", async () => {
    const err = (await failure(importBulk(fixture("path-escape-action"), { out }))) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    expect(err.problems).toContainEqual({
      file: path.join(fixture("path-escape-action"), "api.json"),
      path: "/actions/..~1..~1..~1..~1escaped",
      message: 'name "../../../../escaped" is not allowed: it must match ^[A-Z][A-Za-z0-9]*$',
    });
    expect(await tree(sandbox)).toEqual([]);
  });

  it("refuses a structure named ../../escaped the same way", async () => {
    const err = (await failure(importBulk(fixture("path-escape-structure"), { out }))) as ImportError;
    expect(err.problems.map((p) => p.path)).toContain("/objects/..~1..~1escaped");
    expect(await tree(sandbox)).toEqual([]);
  });

  it("refuses a member name that is code, at its JSON path", async () => {
    const err = (await failure(importBulk(fixture("member-name-code"), { out }))) as ImportError;
    expect(err.problems).toContainEqual(
      expect.objectContaining({ path: "/objects/DescribeThingsRequest/members/0/name" }),
    );
    expect(await tree(sandbox)).toEqual([]);
  });

  it("the spec writer checks every path before staging: one bad path, nothing written anywhere", async () => {
    const files = new Map([
      ["svc/2020-01-01/actions/Fine.json", "{}\n"],
      ["svc/2020-01-01/../../../escaped.json", "{}\n"],
    ]);
    await expect(writeSpecTree(out, { files, ownedDirs: [] })).rejects.toBeInstanceOf(UnsafePathError);
    expect(await tree(sandbox)).toEqual([]);
  });

  it("refuses a target folder that is a link to elsewhere, before renaming anything", async () => {
    const elsewhere = path.join(sandbox, "elsewhere");
    await mkdir(elsewhere, { recursive: true });
    await mkdir(path.join(out, "hostile/2024-01-01"), { recursive: true });
    await symlink(elsewhere, path.join(out, "hostile/2024-01-01/actions"), "dir");
    await expect(importBulk(fixture("upstream-defects"), { out })).rejects.toBeInstanceOf(UnsafePathError);
    expect(await readdir(elsewhere)).toEqual([]);
    // Not even the files sorted before the refused one were renamed into place: only the link is there.
    expect(await tree(out)).toEqual(["hostile/2024-01-01/actions"]);
  });
});

describe("keys from upstream never reach a prototype", () => {
  afterEach(() => {
    for (const key of ["example", "polluted"]) delete (Object.prototype as Record<string, unknown>)[key];
  });

  it("GET keys __proto__.example=…, constructor.prototype.… and a JSON __proto__ key stay data, dropped with warnings", async () => {
    const result = await importBulk(fixture("proto-sample-keys"), { out });
    expect(({} as Record<string, unknown>)["example"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const action = JSON.parse(
      await readFile(path.join(out, "hostile/2024-01-01/actions/DescribeThings.json"), "utf8"),
    ) as ActionSpec;
    expect(action.samples.map((s) => s.request)).toEqual([{ Filters: [{}], Id: "t-1" }, { Id: "t-1" }]);
    expect(action.samples[1]!.response).toEqual({ Status: "ok" });
    const warned = result.warnings.join("\n");
    expect(warned).toContain('request /__proto__: no member "__proto__", dropped');
    expect(warned).toContain('request /constructor: no member "constructor", dropped');
    expect(warned).toContain('request /Filters/0/__proto__: no member "__proto__", dropped');
  });

  it("error codes named toString and constructor are ordinary codes; __proto__ is malformed and skipped with a warning", async () => {
    const result = await importBulk(fixture("proto-error-codes"), { out });
    const codes = (JSON.parse(await readFile(path.join(out, "hostile/2024-01-01/errors.json"), "utf8")) as ErrorsSpec)
      .codes;
    expect(Object.keys(codes)).toEqual(["constructor", "hasOwnProperty.Nope", "toString"]);
    const action = JSON.parse(
      await readFile(path.join(out, "hostile/2024-01-01/actions/DescribeThings.json"), "utf8"),
    ) as ActionSpec;
    expect(action.errors).toEqual(["constructor", "hasOwnProperty.Nope", "toString"]);
    expect(result.warnings).toContain('DescribeThings: error code "__proto__" is malformed (not Word.Word…), skipped');
    const loaded = await loadSpecs(out);
    expect(loaded.services[0]!.errors.codes["toString"]).toBe("Code named toString.");
  });

  it("an action code named valueOf that no errors.json defines is refused, not found on Object.prototype", async () => {
    const err = (await failure(importBulk(fixture("proto-error-code-undefined"), { out }))) as ImportError;
    expect(err.problems.map((p) => p.message)).toEqual(['code "valueOf" is neither a service nor a common error code']);
  });
});

describe("upstream defects are warnings and the import goes on", () => {
  it("skips malformed codes, drops placeholder examples with a count, and reports samples contradicting the members", async () => {
    const result = await importBulk(fixture("upstream-defects"), { out });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        'errors.json: service error code "InvalidParameter." is malformed (not Word.Word…), skipped',
        'DescribeThings: error code "InvalidParameter." is malformed (not Word.Word…), skipped',
        '4 placeholder examples dropped ("" ×1, "-" ×1, "null" ×1, "无" ×1): DescribeThingsRequest.Id, DescribeThingsRequest.Limit, DescribeThingsRequest.Name, DescribeThingsResponse.Status',
        'DescribeThings sample "contradicts the members": request /Id: expected a string, got number 7, dropped',
        'DescribeThings sample "contradicts the members": request /Limit: expected an integer, got "ten", dropped',
        'DescribeThings sample "contradicts the members": request /Nope: no member "Nope", dropped',
        'DescribeThings sample "contradicts the members": response /Status: null but the member is not nullable, dropped',
      ]),
    );
    const action = JSON.parse(
      await readFile(path.join(out, "hostile/2024-01-01/actions/DescribeThings.json"), "utf8"),
    ) as ActionSpec;
    const examples = (members: SpecMember[]) => members.map((m) => [m.name, m.example]);
    expect(examples(action.input)).toEqual([
      ["Id", undefined],
      ["Limit", undefined],
      ["Name", undefined],
      ["Zone", "ap-1"],
    ]);
    expect(action.errors).toEqual(["FailedOperation.Busy"]);
  });
});

describe("a folder or file where the other is expected", () => {
  let stderr: string[];
  beforeEach(() => {
    stderr = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void stderr.push(args.join(" ")));
    vi.spyOn(console, "log").mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it("a directory named api.json is an error naming the path, not a stack trace", async () => {
    const source = path.join(sandbox, "svc");
    await mkdir(path.join(source, "api.json"), { recursive: true });
    expect(await runSpecsImport(["bulk", source, "--out", out])).toBe(1);
    expect(stderr.join("\n")).toContain(`${path.join(source, "api.json")}: cannot read: it is a directory, not a file`);
    expect(stderr.join("\n")).not.toMatch(/\n\s+at /);
  });

  it("examples.json as a directory, or a source path that is a file, is named too", async () => {
    const source = path.join(sandbox, "svc");
    await mkdir(path.join(source, "examples.json"), { recursive: true });
    await writeFile(path.join(source, "api.json"), await readFile(path.join(fixture("upstream-defects"), "api.json")));
    expect(await runSpecsImport(["bulk", source, "--out", out])).toBe(1);
    expect(stderr.join("\n")).toContain(
      `${path.join(source, "examples.json")}: cannot read: it is a directory, not a file`,
    );

    stderr.length = 0;
    expect(await runSpecsImport(["bulk", path.join(source, "api.json"), "--out", out])).toBe(1);
    expect(stderr.join("\n")).toContain("a part of the path is a file, not a directory");
  });

  it("--out that is a file is named, not a stack trace", async () => {
    await mkdir(sandbox, { recursive: true });
    const file = path.join(sandbox, "file");
    await writeFile(file, "x");
    expect(await runSpecsImport(["bulk", fixture("upstream-defects"), "--out", path.join(file, "specs")])).toBe(1);
    expect(stderr.join("\n")).toContain(
      `ENOTDIR: not a directory, open '${path.join(file, "specs/common/errors.json")}'`,
    );
    expect(stderr.join("\n")).not.toMatch(/\n\s+at /);
  });

  it("the loader reports actions/ being a file, and a missing specs folder, as problems", async () => {
    await importBulk(fixture("upstream-defects"), { out });
    await rm(path.join(out, "hostile/2024-01-01/structures"), { recursive: true, force: true });
    await writeFile(path.join(out, "hostile/2024-01-01/structures"), "not a folder");
    await expect(loadSpecs(out)).rejects.toThrow(
      "hostile/2024-01-01/structures: cannot read folder: it is a file, not a folder",
    );
    await expect(loadSpecs(path.join(sandbox, "nothing"))).rejects.toThrow(/cannot read the specs folder: ENOENT/);
  });
});
