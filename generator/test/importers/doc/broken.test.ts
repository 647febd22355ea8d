import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runDoc, tempDir } from "./helpers.js";

const broken = (name: string) => path.join(FIXTURES, "broken", name);

/** Imports pages into a fresh folder and checks that the run failed and wrote nothing at all. */
async function importBroken(...pages: string[]) {
  const root = await tempDir();
  const run = await runDoc([...pages, "--out", path.join(root, "specs")]);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
  expect(await readdir(root)).toEqual([]);
  return run.stderr;
}

describe("doc import of pages it cannot understand", () => {
  it("names every missing section", async () => {
    const stderr = await importBroken(broken("MissingSection.md"));
    expect(stderr).toContain(`${broken("MissingSection.md")}:1: error: missing section "Output Parameters"`);
    expect(stderr).toContain(`${broken("MissingSection.md")}:1: error: missing section "Error Codes"`);
    expect(stderr).toMatch(/doc import failed: 2 errors; nothing written\n$/);
  });

  it("reports every bad row of a page, not just the first", async () => {
    const file = broken("UnknownType.md");
    const stderr = await importBroken(file);
    expect(stderr).toContain(
      `${file}:13: error: unknown type "Strng" of UnknownType.WidgetId: not String, Integer, Float, Boolean or Object`,
    );
    expect(stderr).toContain(`${file}:14: error: "Sizes": unknown type "12 bytes"`);
    expect(stderr).toContain(`${file}:15: error: "Colour": Required cell "Maybe" is neither Yes nor No`);
    expect(stderr).toMatch(/doc import failed: 3 errors; nothing written\n$/);
  });

  it("rejects a table row with the wrong number of cells", async () => {
    const stderr = await importBroken(broken("BadRow.md"));
    expect(stderr).toContain(`${broken("BadRow.md")}:13: error: table row has 3 cells, the header has 4`);
  });

  it("rejects a duplicated parameter, also when one row is the Name.N form", async () => {
    const stderr = await importBroken(broken("DuplicateParam.md"));
    expect(stderr).toContain(
      `${broken("DuplicateParam.md")}:14: error: parameter "WidgetIds" is listed twice (first at line 13)`,
    );
  });

  it("names the structure and the page when a linked structure is defined nowhere", async () => {
    const stderr = await importBroken(broken("UnresolvedStructure.md"));
    expect(stderr).toContain(
      `${broken("UnresolvedStructure.md")}:18: error: structure "Nowhere" of UnresolvedStructure.Things is not defined: not in ${broken("DataStructures.md")}`,
    );
  });

  it("says so when no data-structures page is given or beside the page", async () => {
    const file = path.join(FIXTURES, "lonely/NeedsStructure.md");
    const stderr = await importBroken(file);
    expect(stderr).toContain(
      `${file}:19: error: structure "Widget" of NeedsStructure.Widget is not defined: no data-structures page was given or lies beside the page`,
    );
  });

  it("reports faults of a structure a page uses at the structure's own line", async () => {
    const stderr = await importBroken(broken("UsesBrokenStructure.md"));
    expect(stderr).toContain(
      `${broken("DataStructures.md")}:8: error: table row has 2 cells, the header has 3 (structure Broken, used by UsesBrokenStructure.Item)`,
    );
  });

  it("reports an unclosed code block", async () => {
    const stderr = await importBroken(broken("UnclosedSample.md"));
    expect(stderr).toContain(`${broken("UnclosedSample.md")}:24: error: code block is never closed`);
  });

  it("rejects a page that is no API reference page at all", async () => {
    const stderr = await importBroken(broken("NotAPage.md"));
    expect(stderr).toContain(
      `${broken("NotAPage.md")}:1: error: not an API reference page, a data-structures page or an error-code page`,
    );
  });

  it("rejects a missing file", async () => {
    const stderr = await importBroken(broken("NoSuchPage.md"));
    expect(stderr).toContain(`${broken("NoSuchPage.md")}:1: error: cannot read page: ENOENT`);
  });

  it("writes nothing, not even the good pages' specs, when one page of the run is broken", async () => {
    const good = path.join(FIXTURES, "good");
    const stderr = await importBroken(
      path.join(good, "DescribeWidgets.md"),
      path.join(good, "CreateWidget.md"),
      broken("BadRow.md"),
    );
    expect(stderr).toContain(`${broken("BadRow.md")}:13: error: table row has 3 cells, the header has 4`);
  });

  it("rejects pages of two service versions in one run", async () => {
    const gadget = path.join(FIXTURES, "gadget/DescribeWidgets.md");
    const widget = path.join(FIXTURES, "good/DescribeWidgets.md");
    const stderr = await importBroken(gadget, widget);
    expect(stderr).toContain(
      `${widget}:1: error: page is for widget 2020-01-01 but ${gadget} is for gadget 2021-06-01`,
    );
  });

  it("rejects an error-code page without an action page to name its service", async () => {
    const root = await tempDir();
    const errors = path.join(FIXTURES, "good/ErrorCodes.md");
    const run = await runDoc([errors, "--out", path.join(root, "specs")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${errors}:1: error: an error-code page needs an API reference page on the same command line`,
    );
    expect(await readdir(root)).toEqual([]);
  });
});

describe("doc command usage", () => {
  it("exits 2 with the usage on bad arguments", async () => {
    for (const args of [[], ["--out"], ["page.md", "--frobnicate"]]) {
      const run = await runDoc(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("Usage: specs:import doc <page.md>... [--out DIR] [--diff]");
    }
  });
});
