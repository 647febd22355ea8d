import { StructureKind } from "./ts-morph.js";
import type { IrMember, IrService, IrStructure, IrType } from "../ir/index.js";
import { GENERATED_VALUES } from "../ir/reserved.js";
import { compareCodeUnits } from "../spec/write-json.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { dataConstant } from "./literal.js";
import type { Statement, TsPrinter } from "./printer.js";

/** Path of the metadata module inside a generated package. */
export const METADATA_PATH = "src/metadata.gen.ts";
/** Specifier other generated modules import the metadata with. */
export const METADATA_MODULE = "./metadata.gen.js";

/**
 * The data core runs on: the service's endpoints, a compact table of request shapes
 * (and the structures they reach) for validation, and one small record per action.
 */
export function emitMetadata(ir: IrService, printer: TsPrinter): GeneratedFile {
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core",
      isTypeOnly: true,
      namedImports: ["ActionMeta", "ServiceMeta"],
    },
    dataConstant({
      name: GENERATED_VALUES.serviceMeta,
      doc: `${ir.title} ${ir.version}: endpoints and request shapes for validation.`,
      type: "ServiceMeta",
      value: {
        service: ir.name,
        version: ir.version,
        endpoint: ir.endpoint,
        intlEndpoint: ir.intlEndpoint,
        shapes: inputShapes(ir),
      },
    }),
    dataConstant({
      name: GENERATED_VALUES.actions,
      doc: "Per-action data, keyed by client method name.",
      value: Object.fromEntries(
        ir.actions.map((a) => [a.methodName, { name: a.name, rateLimit: a.rateLimit, readOnly: a.readOnly, input: a.requestType }]),
      ),
      satisfies: "Readonly<Record<string, ActionMeta>>",
    }),
  ];
  return printer.print(METADATA_PATH, lineCommentHeader(ir, ["service.json", "actions/*.json", "structures/*.json"]), statements);
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
  for (const name of [...reached.keys()].sort(compareCodeUnits)) shapes[name] = shape(reached.get(name)?.members ?? []);
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
      return `#${type.name}`;
  }
}
