import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { documentedPackages } from "../workspaces.js";

let root: string;

function write(file: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

function manifest(name: string, extra: object = {}): string {
  return JSON.stringify({
    name,
    exports: {
      ".": { import: { types: "./dist/index.d.ts", default: "./dist/index.js" } },
      "./testing": { import: { types: "./dist/testing/index.d.ts" } },
      "./package.json": "./package.json",
    },
    ...extra,
  });
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("documentedPackages", () => {
  it("finds every published workspace with the sources of its exports, generated ones included", () => {
    root = mkdtempSync(path.join(tmpdir(), "docs-ws-"));
    write("package.json", JSON.stringify({ workspaces: ["packages/*", "tools"] }));
    write("packages/core/package.json", manifest("@org/tc-core"));
    write("packages/core/src/index.ts", "");
    write("packages/core/src/testing/index.ts", "");
    write("packages/cvm/package.json", manifest("@org/tc-cvm"));
    write("packages/cvm/src/index.gen.ts", "");
    write("packages/cvm/src/testing/index.gen.ts", "");
    write("packages/internal/package.json", manifest("@org/internal", { private: true }));
    write("tools/package.json", manifest("@org/tools", { private: true }));

    const found = documentedPackages(root);
    expect(found.map((pkg) => pkg.name)).toEqual(["@org/tc-core", "@org/tc-cvm"]);
    expect(found[1]?.entryPoints).toEqual([
      { specifier: "@org/tc-cvm", source: path.join(root, "packages/cvm/src/index.gen.ts") },
      { specifier: "@org/tc-cvm/testing", source: path.join(root, "packages/cvm/src/testing/index.gen.ts") },
    ]);
  });

  it("names the package and the missing source instead of leaving an entry point out", () => {
    root = mkdtempSync(path.join(tmpdir(), "docs-ws-"));
    write("package.json", JSON.stringify({ workspaces: ["packages/*"] }));
    write("packages/cvm/package.json", manifest("@org/tc-cvm"));
    write("packages/cvm/src/index.gen.ts", "");
    expect(() => documentedPackages(root)).toThrow(/@org\/tc-cvm: no source for \.\/dist\/testing\/index\.d\.ts/);
  });
});
