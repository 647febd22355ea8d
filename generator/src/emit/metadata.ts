import type { CodeBlockWriter } from "ts-morph";
import type { IrMember, IrService, IrStructure, IrType } from "../ir/index.js";
import { camelCase } from "../ir/naming.js";
import type { CoreName } from "../ir/reserved.js";
import { GENERATED_VALUES } from "../ir/reserved.js";
import { compareCodeUnits } from "../spec/write-json.js";
import { coreSpecifiers } from "./core-import.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { dataConstant, writeLiteral } from "./literal.js";
import type { Statement, TsPrinter } from "./printer.js";
import { StructureKind } from "./ts-morph.js";

/** Path of the metadata module inside a generated package. */
export const METADATA_PATH = "src/metadata.gen.ts";
/** Specifier other generated modules import the metadata with. */
export const METADATA_MODULE = "./metadata.gen.js";

/**
 * The data core runs on: the service's endpoints, a compact table of request shapes
 * (and the structures they reach) for validation, and the actions as core's `defineActions`
 * table, which states each wire name once and only what core cannot derive from it.
 */
export function emitMetadata(ir: IrService, printer: TsPrinter): GeneratedFile {
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core",
      namedImports: [...coreSpecifiers(ir, [DEFINE_ACTIONS]), ...coreSpecifiers(ir, ["ServiceMeta"], true)],
    },
    dataConstant({
      name: GENERATED_VALUES.serviceMeta,
      doc: `${ir.title} ${ir.version}: endpoints and request shapes for validation.`,
      type: ir.core.ServiceMeta,
      value: {
        service: ir.name,
        version: ir.version,
        endpoint: ir.endpoint,
        intlEndpoint: ir.intlEndpoint,
        shapes: inputShapes(ir),
      },
    }),
    actionsConstant(ir),
  ];
  return printer.print(
    METADATA_PATH,
    lineCommentHeader(ir, ["service.json", "actions/*.json", "structures/*.json"]),
    statements,
  );
}

/** Core's helper that expands an {@link ActionTableData} into one `ActionMeta` per method. */
const DEFINE_ACTIONS = "defineActions" satisfies CoreName;

/**
 * The argument of core's `defineActions`, as plain data; its members are documented on core's
 * `ActionTable`, and the tests pass this type to `defineActions` so the compiler keeps them equal.
 */
export interface ActionTableData {
  readonly names: string;
  readonly rateLimit: number;
  readonly readOnly: string;
  readonly rateLimits?: Record<string, number>;
  readonly methods?: Record<string, string>;
  readonly inputs?: Record<string, string>;
  readonly regionRequired?: true | string;
}

/**
 * The IR's actions as a `defineActions` table. Everything core derives by rule is compared with
 * what the IR chose and, where they differ, listed as an exception, so the expanded table equals
 * the IR whatever the IR's naming rules become. Spec action names match `^[A-Z][A-Za-z0-9]*$`,
 * so a comma cannot occur inside one.
 */
export function actionTable(ir: IrService): ActionTableData {
  const rateLimits: Record<string, number> = {};
  const methods: Record<string, string> = {};
  const inputs: Record<string, string> = {};
  for (const a of ir.actions) {
    if (a.rateLimit !== ir.defaultRateLimit) rateLimits[a.name] = a.rateLimit;
    if (a.methodName !== camelCase(a.name)) methods[a.name] = a.methodName;
    if (a.requestType !== `${a.name}Request`) inputs[a.name] = a.requestType;
  }
  return {
    names: ir.actions.map((a) => a.name).join(","),
    rateLimit: ir.defaultRateLimit,
    readOnly: ir.actions.map((a) => (a.readOnly ? "1" : "0")).join(""),
    ...nonEmpty({ rateLimits, methods, inputs }),
    ...regionRequired(ir),
  };
}

/** `true` when every action needs a region, else the names of those that do (nothing when none do). */
function regionRequired(ir: IrService): { regionRequired?: true | string } {
  const names = ir.actions.filter((a) => a.regionRequired).map((a) => a.name);
  if (names.length === 0) return {};
  return { regionRequired: names.length === ir.actions.length ? true : names.join(",") };
}

function nonEmpty<T extends Record<string, Record<string, unknown>>>(maps: T): Partial<T> {
  return Object.fromEntries(Object.entries(maps).filter(([, map]) => Object.keys(map).length > 0)) as Partial<T>;
}

/**
 * `export const actions = defineActions<"m1" | …>({ … });`. The method names are stated as the
 * type argument so `actions.describeTaskInfo` is an `ActionMeta` without a non-null assertion
 * (`never` for a service without actions: an empty type argument list does not parse).
 */
function actionsConstant(ir: IrService): (writer: CodeBlockWriter) => void {
  return (writer) => {
    writer.write("/** Per-action data, keyed by client method name. */").newLine();
    writer.write(`export const ${GENERATED_VALUES.actions} = ${ir.core[DEFINE_ACTIONS]}<`);
    if (ir.actions.length === 0) writer.write("never");
    for (const a of ir.actions)
      writer
        .newLine()
        .setIndentationLevel(1)
        .write(`| ${JSON.stringify(a.methodName)}`);
    if (ir.actions.length > 0) writer.newLine().setIndentationLevel(0);
    writer.write(">(");
    writeLiteral(writer, actionTable(ir), 0);
    writer.write(");").newLine();
  };
}

/** Request shapes first (in action order), then every structure they reach, by name. */
export function inputShapes(ir: IrService): Record<string, Record<string, string>> {
  const byName = new Map(ir.structures.map((s) => [s.name, s]));
  const reached = new Map<string, IrStructure>();
  const visit = (type: IrType): void => {
    if (type.kind === "list") visit(type.items);
    else if (type.kind === "structure" && !reached.has(type.name)) {
      const structure = byName.get(type.name);
      if (!structure) return;
      reached.set(type.name, structure);
      for (const m of structure.members) visit(m.type);
    }
  };
  const shapes: Record<string, Record<string, string>> = {};
  for (const a of ir.actions) {
    shapes[a.requestType] = shape(a.input);
    for (const m of a.input) visit(m.type);
  }
  // Keyed by TypeScript name: unique in the module scope, where a wire name may equal `<Action>Request`.
  for (const name of [...reached.keys()].sort(compareCodeUnits)) {
    const structure = reached.get(name);
    if (structure) shapes[structure.typeName] = shape(structure.members);
  }
  return shapes;
}

function shape(members: readonly IrMember[]): Record<string, string> {
  return Object.fromEntries(members.map((m) => [m.name, (m.required ? "!" : "") + typeCode(m.type)]));
}

/** Core's compact type code (see `TypeCode` in @org/tc-core). */
export function typeCode(type: IrType): string {
  switch (type.kind) {
    case "string":
      return "s";
    case "int64":
      return "i";
    case "uint64":
      return "u";
    case "float":
      return "f";
    case "boolean":
      return "b";
    case "object":
      return "o";
    case "list":
      return `[${typeCode(type.items)}`;
    case "structure":
      return `#${type.typeName}`;
  }
}
