import type { IrMember, IrType } from "../ir/index.js";

/** Core's alias for 64-bit integers: `number` when safe, `bigint` beyond 2^53. */
export const INT64 = "Int64";

/** TypeScript type of an IR type. */
export function typeExpr(type: IrType): string {
  switch (type.kind) {
    case "string":
      return "string";
    case "int64":
    case "uint64":
      return INT64;
    case "float":
      return "number";
    case "boolean":
      return "boolean";
    case "object":
      return "Record<string, unknown>";
    case "list":
      return `${typeExpr(type.items)}[]`;
    case "structure":
      return type.typeName;
  }
}

/** Type of a member property, with `| null` when the service may send null. */
export function memberTypeExpr(member: IrMember): string {
  const base = typeExpr(member.type);
  return member.nullable ? `${base} | null` : base;
}

/** Whether any of the types needs core's 64-bit integer alias. */
export function usesInt64(types: Iterable<IrType>): boolean {
  for (const t of types) if (needsInt64(t)) return true;
  return false;
}

function needsInt64(type: IrType): boolean {
  if (type.kind === "int64" || type.kind === "uint64") return true;
  return type.kind === "list" && needsInt64(type.items);
}
