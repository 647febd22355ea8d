import type { SpecMember, SpecType } from "../spec/types.js";
import type { ProblemList } from "./problems.js";
import type { IrMember, IrType } from "./types.js";

/** Structure wire name → generated TypeScript name. */
export type StructureNames = ReadonlyMap<string, string>;

/**
 * Resolves a spec type, recording a problem at `pointer` for every structure reference
 * that names no structure of the service.
 */
export function resolveType(
  type: SpecType,
  structures: StructureNames,
  problems: ProblemList,
  file: string,
  pointer: string,
): IrType {
  switch (type.kind) {
    case "integer":
      return { kind: type.width };
    case "list":
      return { kind: "list", items: resolveType(type.items, structures, problems, file, `${pointer}/items`) };
    case "structure": {
      const typeName = structures.get(type.name);
      if (typeName === undefined) {
        problems.add(file, `${pointer}/name`, `unknown structure "${type.name}" (no structures/${type.name}.json)`);
        return { kind: "structure", name: type.name, typeName: type.name };
      }
      return { kind: "structure", name: type.name, typeName };
    }
    default:
      return { kind: type.kind };
  }
}

/** Resolves one shape's members and reports duplicate wire names. */
export function resolveMembers(
  members: readonly SpecMember[],
  structures: StructureNames,
  problems: ProblemList,
  file: string,
  pointer: string,
): IrMember[] {
  const seen = new Map<string, number>();
  return members.map((m, i) => {
    const first = seen.get(m.name);
    if (first !== undefined) {
      problems.add(file, `${pointer}/${i}/name`, `duplicate member "${m.name}" (also at ${pointer}/${first})`);
    } else {
      seen.set(m.name, i);
    }
    return {
      name: m.name,
      type: resolveType(m.type, structures, problems, file, `${pointer}/${i}/type`),
      required: m.required,
      nullable: m.nullable,
      description: m.description,
      ...(m.example !== undefined ? { example: m.example } : {}),
      deprecated: m.deprecated,
    };
  });
}
