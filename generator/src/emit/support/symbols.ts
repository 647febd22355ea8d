import path from "node:path";
import type { ImportDeclarationStructure, ImportSpecifierStructure, OptionalKind } from "ts-morph";
import type { CoreName } from "../../ir/reserved.js";
import { compareCodeUnits } from "../../support/code-units.js";
import { StructureKind } from "./ts-morph.js";

/** The runtime package every generated module builds on. */
export const CORE_MODULE = "@org/tc-core";
/** Its local endpoint, imported only by the `/testing` entries. */
export const CORE_TESTING_MODULE = "@org/tc-core/testing";
/** The build tool, imported only by the package's tsup config. */
export const TSUP_MODULE = "tsup";
/** The test runner, imported only by the package's generated smoke test. */
export const VITEST_MODULE = "vitest";

/** Where a runtime symbol is exported and whether generated code uses it only as a type. */
export interface RuntimeSymbol {
  readonly module: typeof CORE_MODULE | typeof CORE_TESTING_MODULE | typeof TSUP_MODULE | typeof VITEST_MODULE;
  readonly isType: boolean;
}

const coreValue = { module: CORE_MODULE, isType: false } as const;
const coreType = { module: CORE_MODULE, isType: true } as const;
const testingValue = { module: CORE_TESTING_MODULE, isType: false } as const;
const testingType = { module: CORE_TESTING_MODULE, isType: true } as const;
const tsupValue = { module: TSUP_MODULE, isType: false } as const;
const tsupType = { module: TSUP_MODULE, isType: true } as const;
const vitestValue = { module: VITEST_MODULE, isType: false } as const;

/**
 * The symbol table: every runtime (and build) symbol a generated module may import, with its module. Emitters
 * name symbols only through it (each emitter declares the ones it uses), so no emitter spells a
 * module specifier or builds an import list. Symbols of `@org/tc-core` must be {@link CoreName}s
 * (`CORE_NAMES` in `ir/reserved.ts`), which the IR aliases when a spec name takes one (rule 1 of
 * `ir/name-rule.ts`); a test holds both lists together.
 */
export const RUNTIME_SYMBOLS = {
  CallOptions: coreType,
  ClientOptions: coreType,
  Int64: coreType,
  PaginateOptions: coreType,
  Paginated: coreType,
  PaginatorMeta: coreType,
  ServiceClient: coreValue,
  ServiceMeta: coreType,
  ShapeMeta: coreType,
  StateWaiterMeta: coreType,
  TencentCloudError: coreType,
  UInt64: coreType,
  WaitOptions: coreType,
  WaiterMeta: coreType,
  defineAction: coreValue,
  invokeOrStream: coreValue,
  isTencentCloudError: coreValue,
  paginate: coreValue,
  waitFor: coreValue,
  waitUntil: coreValue,
  MockSample: testingType,
  MockServer: testingType,
  MockServerOptions: testingType,
  MockServiceData: testingType,
  runMockServerCli: testingValue,
  SmokeCall: testingType,
  smokeCalls: testingValue,
  startMockServer: testingValue,
  defineConfig: tsupValue,
  Options: tsupType,
  describe: vitestValue,
  expect: vitestValue,
  it: vitestValue,
} as const satisfies Record<string, RuntimeSymbol>;

/** A name in {@link RUNTIME_SYMBOLS}. */
export type RuntimeName = keyof typeof RUNTIME_SYMBOLS;

/** The local names of core's symbols in one API version (`ir.core`). */
export type CoreLocalNames = Readonly<Record<CoreName, string>>;

/** `src/testing/index.gen.ts` importing `src/models.gen.ts` → `../models.gen.js` (NodeNext needs `.js`). */
export function moduleSpecifier(fromFile: string, toFile: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.ts$/, ".js");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

interface Imported {
  readonly alias: string | undefined;
  isType: boolean;
}

/**
 * The imports of one generated module, collected as its emitter refers to symbols: each call records
 * an import and returns the name to write. The emitter never lists imports; {@link declarations}
 * renders exactly what was referred to, so an import cannot go missing or stay unused.
 */
export class ModuleImports {
  readonly #named = new Map<string, Map<string, Imported>>();
  readonly #namespaces = new Map<string, string>();

  /**
   * @param path - The importing module, inside the version (`src/client.gen.ts`).
   * @param core - Local names of core's symbols (`ir.core`).
   * @param allowed - The runtime symbols its emitter declared; any other is a bug in the emitter.
   */
  constructor(
    readonly path: string,
    private readonly core: CoreLocalNames,
    private readonly allowed: ReadonlySet<RuntimeName>,
  ) {}

  /** A runtime symbol from {@link RUNTIME_SYMBOLS}; `alias` renames it where the module defines the name itself. */
  runtime(name: RuntimeName, alias?: string): string {
    if (!this.allowed.has(name))
      throw new Error(`Emitter of ${this.path} uses runtime symbol ${name} it did not declare`);
    const symbol: RuntimeSymbol = RUNTIME_SYMBOLS[name];
    const local = alias ?? (symbol.module === CORE_MODULE ? this.core[name as CoreName] : name);
    this.#add(symbol.module, name, local, symbol.isType);
    return local;
  }

  /** A name exported by another generated module of the same version, e.g. `actions` from `src/metadata.gen.ts`. */
  generated(file: string, name: string, options: { readonly isType?: boolean } = {}): string {
    this.#add(moduleSpecifier(this.path, file), name, name, options.isType ?? false);
    return name;
  }

  /** `import * as local from "<file>"`: a generated module used as a namespace. */
  namespace(file: string, local: string): string {
    this.#namespaces.set(moduleSpecifier(this.path, file), local);
    return local;
  }

  /**
   * Import declarations: packages first, then parent folders, then siblings, each by specifier; in
   * a declaration the values, then the types, each by code unit. A declaration of types only is
   * written `import type`.
   */
  declarations(): ImportDeclarationStructure[] {
    const out: ImportDeclarationStructure[] = [];
    for (const [specifier, local] of this.#namespaces) {
      out.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: specifier, namespaceImport: local });
    }
    for (const [specifier, names] of this.#named) {
      const entries = [...names].sort(([a], [b]) => compareCodeUnits(a, b));
      const typeOnly = entries.every(([, i]) => i.isType);
      const specifiers = [...entries.filter(([, i]) => !i.isType), ...entries.filter(([, i]) => i.isType)].map(
        ([name, i]): OptionalKind<ImportSpecifierStructure> => ({
          name,
          ...(i.alias !== undefined ? { alias: i.alias } : {}),
          ...(i.isType && !typeOnly ? { isTypeOnly: true } : {}),
        }),
      );
      out.push({
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: specifier,
        ...(typeOnly ? { isTypeOnly: true } : {}),
        namedImports: specifiers,
      });
    }
    return out.sort(
      (a, b) =>
        rank(a.moduleSpecifier) - rank(b.moduleSpecifier) || compareCodeUnits(a.moduleSpecifier, b.moduleSpecifier),
    );
  }

  #add(specifier: string, name: string, local: string, isType: boolean): void {
    let names = this.#named.get(specifier);
    if (!names) this.#named.set(specifier, (names = new Map()));
    const known = names.get(name);
    // Used as a value anywhere, imported as a value.
    if (known) known.isType &&= isType;
    else names.set(name, { alias: local === name ? undefined : local, isType });
  }
}

function rank(specifier: string): number {
  return specifier.startsWith("../") ? 1 : specifier.startsWith("./") ? 2 : 0;
}
