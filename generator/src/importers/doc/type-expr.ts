import { own } from "../../spec/dict.js";
import type { SpecType } from "../../spec/types.js";

/**
 * A Type cell as written, before structure names are looked up:
 * `String`, `Array of String`, `[InstanceSet](/document/api/239/20022#InstanceSet)`, `Array of [X](#X)`.
 */
export type TypeExpr =
  | { kind: "scalar"; type: SpecType }
  /** `linked`: written as a Markdown link, so certainly meant as a structure rather than a misspelt basic type. */
  | { kind: "ref"; name: string; linked: boolean }
  | { kind: "list"; items: TypeExpr };

/**
 * The docs only ever say `Integer`; the wire width is not on the page. int64 is the width that
 * holds every documented value (IDs, sizes, negative statuses such as -2), so it is the one we
 * write; diff mode compares integers without their width for the same reason.
 */
export const DOC_INTEGER: SpecType = { kind: "integer", width: "int64" };

const SCALARS: Record<string, SpecType> = {
  string: { kind: "string" },
  integer: DOC_INTEGER,
  float: { kind: "float" },
  boolean: { kind: "boolean" },
  object: { kind: "object" },
};

const ARRAY_OF = /^array\s+of\s+(.+)$/i;
const LINK = /^\[([^\]]+)\]\(([^)]*)\)$/;
const IDENTIFIER = /^[A-Z][A-Za-z0-9_]*$/;

/** Parses a Type cell; returns a reason when the cell is not a type expression at all. */
export function parseTypeExpr(cell: string): TypeExpr | { error: string } {
  const text = cell.trim();
  const array = ARRAY_OF.exec(text);
  if (array) {
    const items = parseTypeExpr(array[1]!);
    return "error" in items ? items : { kind: "list", items };
  }
  const link = LINK.exec(text);
  const name = (link ? link[1]! : text).trim();
  // Own keys only: a type cell reading "constructor" must not find Object.prototype's member.
  const scalar = own(SCALARS, name.toLowerCase());
  if (scalar && !link) return { kind: "scalar", type: scalar };
  if (IDENTIFIER.test(name)) return { kind: "ref", name, linked: link !== null };
  return {
    error: `unknown type "${text}" (expected String, Integer, Float, Boolean, Object, a structure name or "Array of" one of them)`,
  };
}

/** The structure reference inside the expression, if any. */
export function referenceOf(expr: TypeExpr): Extract<TypeExpr, { kind: "ref" }> | undefined {
  if (expr.kind === "ref") return expr;
  if (expr.kind === "list") return referenceOf(expr.items);
  return undefined;
}

/** The spec type, once every referenced name is known to be a structure. */
export function toSpecType(expr: TypeExpr): SpecType {
  if (expr.kind === "scalar") return expr.type;
  if (expr.kind === "ref") return { kind: "structure", name: expr.name };
  return { kind: "list", items: toSpecType(expr.items) };
}

/** Human-readable type as a page could state it, e.g. `list<InstanceSet>`: integers without their width. */
export function describeType(type: SpecType): string {
  switch (type.kind) {
    case "list":
      return `list<${describeType(type.items)}>`;
    case "structure":
      return type.name;
    default:
      return type.kind;
  }
}
