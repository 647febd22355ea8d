import path from "node:path";
import { fileURLToPath } from "node:url";
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import { runVersionEmitter } from "../../src/emit/index.js";
import { PACKAGE_EMITTERS, VERSION_EMITTERS } from "../../src/emit/registry.js";
import type { VersionEmitter } from "../../src/emit/support/emitter.js";
import { CORE_MODULE, CORE_TESTING_MODULE, moduleSpecifier, RUNTIME_SYMBOLS } from "../../src/emit/support/symbols.js";
import { CORE_NAMES } from "../../src/ir/reserved.js";
import { kettleIr } from "./golden.js";

const CORE_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../packages/core/src");

describe("emitter registry", () => {
  it("gives every file to exactly one emitter of its kind", () => {
    for (const emitters of [VERSION_EMITTERS, PACKAGE_EMITTERS]) {
      const files = emitters.flatMap((e) => e.files);
      expect(new Set(files).size).toBe(files.length);
    }
    const names = [...VERSION_EMITTERS, ...PACKAGE_EMITTERS].map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("declares only runtime symbols of the symbol table, each exported by the module the table names", () => {
    const project = new Project({ skipAddingFilesFromTsConfig: true });
    const exported = (file: string): Set<string> =>
      new Set(project.addSourceFileAtPath(path.join(CORE_SRC, file)).getExportedDeclarations().keys());
    const modules: Record<string, Set<string>> = {
      [CORE_MODULE]: exported("index.ts"),
      [CORE_TESTING_MODULE]: exported("testing/index.ts"),
    };
    for (const emitter of [...VERSION_EMITTERS, ...PACKAGE_EMITTERS]) {
      for (const name of emitter.runtime) {
        const { module } = RUNTIME_SYMBOLS[name];
        if (modules[module]) expect(modules[module].has(name), `${emitter.name}: ${name} from ${module}`).toBe(true);
      }
    }
  });

  it("lists only core names the IR can alias (rule 1 of ir/name-rule.ts) as symbols of @org/tc-core", () => {
    const core = Object.entries(RUNTIME_SYMBOLS).filter(([, symbol]) => symbol.module === CORE_MODULE);
    expect(core.length).toBeGreaterThan(10);
    for (const [name] of core) expect(CORE_NAMES as readonly string[], name).toContain(name);
  });

  it("refuses an emitter writing a file or importing a runtime symbol it did not declare", async () => {
    const ir = await kettleIr();
    const rogueFile: VersionEmitter = {
      name: "rogue",
      files: [],
      runtime: [],
      emit: () => [{ path: "src/x.gen.ts", content: "" }],
    };
    expect(() => runVersionEmitter(rogueFile, ir)).toThrow(
      "Emitter rogue returned src/x.gen.ts, which it did not declare",
    );
    const rogueImport: VersionEmitter = {
      name: "rogue",
      files: ["src/x.gen.ts"],
      runtime: [],
      emit: (version, context) => {
        context.imports(version, "src/x.gen.ts").runtime("paginate");
        return [];
      },
    };
    expect(() => runVersionEmitter(rogueImport, ir)).toThrow("uses runtime symbol paginate it did not declare");
  });
});

describe("module specifiers between generated files", () => {
  it.each([
    ["src/client.gen.ts", "src/models.gen.ts", "./models.gen.js"],
    ["src/testing/index.gen.ts", "src/models.gen.ts", "../models.gen.js"],
    ["src/testing/cli.gen.ts", "src/testing/index.gen.ts", "./index.gen.js"],
    ["src/index.gen.ts", "src/2018-04-12/index.gen.ts", "./2018-04-12/index.gen.js"],
  ])("%s imports %s as %s", (from, to, specifier) => {
    expect(moduleSpecifier(from, to)).toBe(specifier);
  });
});
