import type { IrMember, IrService, IrType } from "../../ir/index.js";

/**
 * A request for an action without a sample, built from the members' documented examples: every
 * required member gets its example converted to the member's type, or a plain value of that type
 * when the example is missing or does not fit (upstream writes `无`, `null` or nothing).
 */
export function exampleRequest(ir: IrService, input: readonly IrMember[]): Record<string, unknown> {
  const structures = new Map(ir.structures.map((s) => [s.name, s.members]));
  const build = (members: readonly IrMember[], depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const m of members) if (m.required) out[m.name] = value(m.type, m.example, depth);
    return { ...out };
  };
  const value = (type: IrType, example: string | undefined, depth: number): unknown => {
    switch (type.kind) {
      case "string":
        return example !== undefined && example.trim() !== "" ? example : "example";
      case "int64":
      case "uint64": {
        const n = Number(example);
        return Number.isSafeInteger(n) ? n : 1;
      }
      case "float": {
        const n = Number(example);
        return example !== undefined && example.trim() !== "" && Number.isFinite(n) ? n : 1;
      }
      case "boolean":
        return example === "false" ? false : true;
      case "object":
        return {};
      case "list": {
        const parsed = parseList(example);
        const item = parsed?.find((v) => fits(type.items, v));
        return [item ?? value(type.items, undefined, depth)];
      }
      case "structure":
        // A structure that requires itself (directly or not) ends as an empty object rather than recursing forever.
        return depth > 8 ? {} : build(structures.get(type.name) ?? [], depth + 1);
    }
  };
  return build(input, 0);
}

function parseList(example: string | undefined): unknown[] | undefined {
  if (example === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(example);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function fits(type: IrType, value: unknown): boolean {
  switch (type.kind) {
    case "string":
      return typeof value === "string";
    case "int64":
    case "uint64":
      return Number.isSafeInteger(value);
    case "float":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    default:
      return false;
  }
}
