import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { installedSizes } from "../measured-sizes.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A flat node_modules: name → its dependencies; each package's disk usage is given by the fake `du`. */
function nodeModules(packages: Record<string, string[]>): string {
  dir = mkdtempSync(path.join(os.tmpdir(), "installed-sizes-"));
  for (const [name, deps] of Object.entries(packages)) {
    mkdirSync(path.join(dir, name), { recursive: true });
    const dependencies = Object.fromEntries(deps.map((d) => [d, "*"]));
    writeFileSync(path.join(dir, name, "package.json"), JSON.stringify({ name, dependencies }));
  }
  return dir;
}

describe("installedSizes", () => {
  it("adds the disk usage of every package in the dependency closure, each once, to the package's own unpacked size", () => {
    const root = nodeModules({ "@org/tc-core": ["ini", "eventsource-parser"], ini: [], "eventsource-parser": ["ini"] });
    const du: Record<string, number> = { "@org/tc-core": 1000, ini: 10, "eventsource-parser": 100 };
    const sizes = installedSizes(
      root,
      [
        { name: "@org/tc-cvm", unpackedSize: 5000, dependencies: ["@org/tc-core"] },
        { name: "@org/tc-core", unpackedSize: 1000, dependencies: ["ini", "eventsource-parser"] },
      ],
      (d) => du[path.relative(root, d)] ?? Number.NaN,
    );
    expect(sizes).toEqual(
      new Map([
        ["@org/tc-cvm", 6110],
        ["@org/tc-core", 1110],
      ]),
    );
  });

  it("gives no figure for a package whose dependencies were not installed there", () => {
    const root = nodeModules({ "@org/tc-core": [] });
    const sizes = installedSizes(
      root,
      [{ name: "@org/tc-ratelimit-redis", unpackedSize: 50, dependencies: ["@org/tc-core", "redis"] }],
      () => 1,
    );
    expect(sizes.size).toBe(0);
  });
});
