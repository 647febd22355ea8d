import { describe, expect, it } from "vitest";
import { TsPrinter } from "../../src/emit/support/printer.js";
import { ModuleImports, type RuntimeName } from "../../src/emit/support/symbols.js";
import { CORE_NAMES, type CoreName } from "../../src/ir/reserved.js";

const identity = Object.fromEntries(CORE_NAMES.map((n) => [n, n])) as Record<CoreName, string>;
const all = new Set<RuntimeName>([
  "CallOptions",
  "ServiceClient",
  "Int64",
  "paginate",
  "MockSample",
  "startMockServer",
]);

function print(imports: ModuleImports): string {
  return new TsPrinter().print(imports.path, "", imports.declarations()).content;
}

describe("imports collected from the symbol table", () => {
  it("writes what was referred to: packages, then parents, then siblings; values before types; types-only as import type", () => {
    const imports = new ModuleImports("src/testing/index.gen.ts", identity, all);
    imports.generated("src/testing/samples.gen.ts", "samples");
    imports.generated("src/models.gen.ts", "Kettle", { isType: true });
    imports.runtime("CallOptions");
    imports.runtime("paginate");
    imports.runtime("ServiceClient");
    imports.runtime("MockSample");
    expect(print(imports)).toBe(
      [
        'import { ServiceClient, paginate, type CallOptions } from "@org/tc-core";',
        'import type { MockSample } from "@org/tc-core/testing";',
        'import type { Kettle } from "../models.gen.js";',
        'import { samples } from "./samples.gen.js";',
        "",
      ].join("\n"),
    );
  });

  it("imports a core name under the IR's alias and returns the alias to write (rule 1 of ir/name-rule.ts)", () => {
    const imports = new ModuleImports("src/models.gen.ts", { ...identity, Int64: "_Int64" }, all);
    expect(imports.runtime("Int64")).toBe("_Int64");
    expect(print(imports)).toBe('import type { Int64 as _Int64 } from "@org/tc-core";\n');
  });

  it("imports a name once, as a value when any use is a value", () => {
    const imports = new ModuleImports("src/client.gen.ts", identity, all);
    imports.generated("src/metadata.gen.ts", "actions", { isType: true });
    imports.generated("src/metadata.gen.ts", "actions");
    imports.generated("src/metadata.gen.ts", "actions", { isType: true });
    expect(print(imports)).toBe('import { actions } from "./metadata.gen.js";\n');
  });

  it("renames a runtime symbol the module defines itself", () => {
    const imports = new ModuleImports("src/testing/index.gen.ts", identity, all);
    expect(imports.runtime("startMockServer", "startLocalEndpoint")).toBe("startLocalEndpoint");
    expect(print(imports)).toBe('import { startMockServer as startLocalEndpoint } from "@org/tc-core/testing";\n');
  });

  it("writes nothing when nothing was referred to", () => {
    expect(new ModuleImports("src/x.gen.ts", identity, all).declarations()).toEqual([]);
  });
});
