import type { IrMember, IrType } from "../ir/index.js";
import type { CoreName } from "../ir/reserved.js";

/** Local names of core exports (`IrService.core`); the identity when nothing is aliased. */
export type CoreNames = Readonly<Record<CoreName, string>>;

/**
 * Core's aliases for 64-bit integers: `number` when safe, `bigint` beyond 2^53, so the type says
 * exactly what a caller receives and may send.
 */
const INTEGER_ALIASES = { int64: "Int64", uint64: "UInt64" } as const;

/** TypeScript type of an IR type. */
export function typeExpr(type: IrType, core?: CoreNames): string {
  switch (type.kind) {
    case "string":
      return "string";
    case "int64":
    case "uint64":
      return core?.[INTEGER_ALIASES[type.kind]] ?? INTEGER_ALIASES[type.kind];
    case "float":
      return "number";
    case "boolean":
      return "boolean";
    case "object":
      return "Record<string, unknown>";
    case "list":
      return `${typeExpr(type.items, core)}[]`;
    case "structure":
      return type.typeName;
  }
}

/** Type of a member property, with `| null` when the service may send null. */
export function memberTypeExpr(member: IrMember, core?: CoreNames): string {
  const base = typeExpr(member.type, core);
  return member.nullable ? `${base} | null` : base;
}

/** The core integer aliases the types refer to, sorted, for a type-only import. */
export function integerAliases(types: Iterable<IrType>): string[] {
  const used = new Set<string>();
  const visit = (t: IrType): void => {
    if (t.kind === "int64" || t.kind === "uint64") used.add(INTEGER_ALIASES[t.kind]);
    else if (t.kind === "list") visit(t.items);
  };
  for (const t of types) visit(t);
  return [...used].sort();
}
