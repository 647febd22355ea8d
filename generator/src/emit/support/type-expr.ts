import type { IrMember, IrType } from "../../ir/index.js";
import type { ModuleImports } from "./symbols.js";

/** Where a type expression gets core's integer aliases from: the module's imports. */
export type TypeRefs = Pick<ModuleImports, "runtime">;

/**
 * Core's aliases for 64-bit integers: `number` when safe, `bigint` beyond 2^53, so the type says
 * exactly what a caller receives and may send.
 */
const INTEGER_ALIASES = { int64: "Int64", uint64: "UInt64" } as const;

/** TypeScript type of an IR type; the integer aliases it uses are imported through `refs`. */
export function typeExpr(type: IrType, refs: TypeRefs): string {
  switch (type.kind) {
    case "string":
      return "string";
    case "int64":
    case "uint64":
      return refs.runtime(INTEGER_ALIASES[type.kind]);
    case "float":
      return "number";
    case "boolean":
      return "boolean";
    case "object":
      return "Record<string, unknown>";
    case "list":
      return `${typeExpr(type.items, refs)}[]`;
    case "structure":
      return type.typeName;
  }
}

/** Type of a member property, with `| null` when the service may send null. */
export function memberTypeExpr(member: IrMember, refs: TypeRefs): string {
  const base = typeExpr(member.type, refs);
  return member.nullable ? `${base} | null` : base;
}
