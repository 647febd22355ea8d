import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diffPackage, writePackage } from "../../src/write/index.js";
import { insidePackage } from "../../src/write/paths.js";
import { scratch, snapshotTree } from "../generate/helpers.js";

const provenance = (files: string[]) => ({
  path: "generated.json",
  content: JSON.stringify({ files: [...files, "generated.json"] }),
});

describe("writePackage", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let pkg: string;

  beforeEach(async () => {
    ({ dir: root, cleanup } = await scratch("write"));
    pkg = path.join(root, "packages", "demo");
  });
  afterEach(() => cleanup());

  it("creates the package, then writes only what changed", async () => {
    const files = [
      { path: "src/a.gen.ts", content: "a\n" },
      { path: "README.md", content: "r\n" },
      provenance(["src/a.gen.ts", "README.md"]),
    ];
    expect((await writePackage(pkg, files)).written).toEqual(["src/a.gen.ts", "README.md", "generated.json"]);
    expect(await readFile(path.join(pkg, "src/a.gen.ts"), "utf8")).toBe("a\n");

    const next = [{ ...files[0]!, content: "a2\n" }, files[1]!, files[2]!];
    expect(await writePackage(pkg, next)).toEqual({ dir: pkg, written: ["src/a.gen.ts"], removed: [] });
    expect(await writePackage(pkg, next)).toEqual({ dir: pkg, written: [], removed: [] });
    expect((await readdir(path.dirname(pkg))).filter((n) => n.startsWith(".tmp-"))).toEqual([]);
  });

  it("leaves the package untouched when staging fails", async () => {
    await writePackage(pkg, [{ path: "src/a.gen.ts", content: "a\n" }, provenance(["src/a.gen.ts"])]);
    const before = await snapshotTree(pkg);
    // "src/a.gen.ts" cannot be both a file and the folder of another file.
    const impossible = [
      { path: "src/a.gen.ts", content: "changed\n" },
      { path: "src/a.gen.ts/b.gen.ts", content: "b\n" },
      provenance(["src/a.gen.ts", "src/a.gen.ts/b.gen.ts"]),
    ];
    await expect(writePackage(pkg, impossible)).rejects.toThrow();
    expect(await snapshotTree(pkg)).toEqual(before);
    expect((await readdir(path.dirname(pkg))).filter((n) => n.startsWith(".tmp-"))).toEqual([]);
  });

  it("keeps stale files when staging fails: nothing is deleted before everything is staged", async () => {
    await writePackage(pkg, [
      { path: "src/old.gen.ts", content: "o\n" },
      { path: "src/a.gen.ts", content: "a\n" },
      provenance(["src/old.gen.ts", "src/a.gen.ts"]),
    ]);
    const before = await snapshotTree(pkg);
    // old.gen.ts is stale in this run, and staging fails ("src/b.gen.ts" cannot be a file and a folder).
    const impossible = [
      { path: "src/b.gen.ts", content: "b\n" },
      { path: "src/b.gen.ts/c.gen.ts", content: "c\n" },
      provenance(["src/b.gen.ts", "src/b.gen.ts/c.gen.ts"]),
    ];
    await expect(writePackage(pkg, impossible)).rejects.toThrow();
    expect(await snapshotTree(pkg)).toEqual(before);
  });

  it("checks every path before staging anything", async () => {
    await expect(
      writePackage(pkg, [
        { path: "a.gen.ts", content: "a\n" },
        { path: "../escaped.ts", content: "x\n" },
      ]),
    ).rejects.toThrow("Refusing path outside the package: ../escaped.ts");
    expect((await readdir(root)).sort()).toEqual([]);
  });

  it("removes files the previous run generated and this one does not", async () => {
    await writePackage(pkg, [
      { path: "src/old.gen.ts", content: "o\n" },
      { path: "src/a.gen.ts", content: "a\n" },
      provenance(["src/old.gen.ts", "src/a.gen.ts"]),
    ]);
    await writeFile(path.join(pkg, "CHANGELOG.md"), "kept\n");
    const result = await writePackage(pkg, [{ path: "src/a.gen.ts", content: "a\n" }, provenance(["src/a.gen.ts"])]);
    expect(result.removed).toEqual(["src/old.gen.ts"]);
    expect([...(await snapshotTree(pkg)).keys()].sort()).toEqual(["CHANGELOG.md", "generated.json", "src/a.gen.ts"]);
  });

  it("refuses a provenance record pointing outside the package", async () => {
    await mkdir(pkg, { recursive: true });
    await writeFile(path.join(root, "precious.txt"), "mine\n");
    await writeFile(path.join(pkg, "generated.json"), JSON.stringify({ files: ["../../precious.txt"] }));
    await expect(writePackage(pkg, [{ path: "a.gen.ts", content: "a\n" }, provenance(["a.gen.ts"])])).rejects.toThrow(
      "Refusing path outside the package: ../../precious.txt",
    );
    expect(await readFile(path.join(root, "precious.txt"), "utf8")).toBe("mine\n");
    expect(() => insidePackage(pkg, "src/../../x")).toThrow();
    expect(insidePackage(pkg, "src/a.gen.ts")).toBe(path.join(pkg, "src", "a.gen.ts"));
  });

  it("diffs without writing", async () => {
    await writePackage(pkg, [{ path: "a.gen.ts", content: "a\n" }, provenance(["a.gen.ts"])]);
    const differences = await diffPackage(pkg, [
      { path: "a.gen.ts", content: "b\n" },
      { path: "b.gen.ts", content: "b\n" },
      provenance(["a.gen.ts"]),
    ]);
    expect(differences).toEqual([
      { path: "a.gen.ts", kind: "changed" },
      { path: "b.gen.ts", kind: "missing" },
    ]);
    expect(await readFile(path.join(pkg, "a.gen.ts"), "utf8")).toBe("a\n");
  });
});
