import { describe, expect, it } from "vitest";
import { emitPackage, emitVersion } from "../../src/emit/index.js";
import type { GeneratedFile } from "../../src/emit/support/file.js";
import { buildServiceIr } from "../../src/ir/index.js";
import { loadSpecs } from "../../src/load/index.js";
import { kettlePackage } from "./golden.js";
import { STREAM_WAITERS_ROOT } from "./teapot-fixture.js";

const options = {
  generator: { name: "@org/tc-generator", version: "0.1.0" },
  release: { version: "0.1.0", coreRange: "^0.1.0" },
};

/** Names a module can refer to: its imports (local names) and its own declarations. */
function namesInScope(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, list] of text.matchAll(/^import (?:type )?\{([^}]*)\} from/gm)) {
    for (const part of list!.split(",")) {
      const local = part
        .trim()
        .replace(/^type /, "")
        .split(" as ")
        .pop()
        ?.trim();
      if (local) names.add(local);
    }
  }
  for (const [, name] of text.matchAll(/^export (?:declare )?(?:interface|type|class|function|const) (\w+)/gm))
    names.add(name!);
  return names;
}

/** Generated modules with a link an editor cannot resolve, and the names it cannot resolve. */
function unresolved(files: readonly GeneratedFile[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of files) {
    const names = unresolvedLinks(file);
    if (names.length > 0) out[file.path] = names;
  }
  return out;
}

/** Every `{@link Target…}` whose first name the module does not have in scope: what an editor cannot resolve. */
function unresolvedLinks(file: GeneratedFile): string[] {
  const scope = namesInScope(file.content);
  return [...file.content.matchAll(/\{@link ([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!).filter((name) => !scope.has(name));
}

describe("TSDoc links in generated modules", () => {
  it("name only what the module imports or declares, in every kettle module", async () => {
    const files = emitPackage(await kettlePackage(), options).filter((f) => f.path.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(10);
    expect(unresolved(files)).toEqual({});
  });

  it("name only what the module imports or declares, with state waiters and streams (teapot)", async () => {
    const specs = await loadSpecs(STREAM_WAITERS_ROOT);
    const files = emitVersion(buildServiceIr(specs, specs.services[0]!)).filter((f) => f.path.endsWith(".ts"));
    expect(unresolved(files)).toEqual({});
  });

  it("the check sees a link to a name the module lacks", () => {
    const file = {
      path: "src/x.gen.ts",
      content: 'import type { A } from "./a.js";\n/** {@link A} and {@link B.method | method} */\nexport type C = A;\n',
    };
    expect(unresolvedLinks(file)).toEqual(["B"]);
  });
});
