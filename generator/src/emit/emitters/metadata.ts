import type { IrMember, IrType } from "../../ir/index.js";
import { GENERATED_VALUES } from "../../ir/reserved.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import { dataConstant } from "../support/literal.js";
import type { Statement } from "../support/printer.js";

/** Path of the metadata module inside a generated package. */
export const METADATA_PATH = "src/metadata.gen.ts";

/**
 * What core needs of the service as a whole: its signing name, version and endpoints. Each action's
 * own data (request shape included) is a constant of its own in `actions.gen.ts` (see `actions.ts`).
 */
export const metadataEmitter: VersionEmitter = {
  name: "metadata",
  files: [METADATA_PATH],
  runtime: ["ServiceMeta"],
  emit(ir, context) {
    const imports = context.imports(ir, METADATA_PATH);
    const statements: Statement[] = [
      dataConstant({
        name: GENERATED_VALUES.serviceMeta,
        doc: `${ir.title} ${ir.version}: signing name, version and endpoints.`,
        type: imports.runtime("ServiceMeta"),
        value: {
          service: ir.name,
          version: ir.version,
          endpoint: ir.endpoint,
          intlEndpoint: ir.intlEndpoint,
        },
      }),
    ];
    return [context.print(imports, lineCommentHeader(ir, ["service.json"]), statements)];
  },
};

/** A request shape or structure in core's compact form: wire name → type code, `!` when required. */
export function shape(members: readonly IrMember[]): Record<string, string> {
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
