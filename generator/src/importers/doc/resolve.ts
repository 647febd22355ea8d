import type { SpecMember, StructureSpec } from "../../spec/types.js";
import type { ActionPage } from "./action-page.js";
import type { MemberDraft } from "./members.js";
import type { ProblemLog } from "./problems.js";
import type { StructureDraft, StructuresPage } from "./structures-page.js";
import { referenceOf, toSpecType } from "./type-expr.js";

/** Where a structure is used: decides `usage` in its spec. */
type Direction = "input" | "output";

/** The structures the imported actions reach, resolved and converted to specs. */
export interface ResolvedStructures {
  /** Sorted by name. */
  specs: StructureSpec[];
  /** Member lists by structure name, for typing samples. */
  members: Map<string, SpecMember[]>;
  /** `Structure.Member` keys whose Required flag the page states (a Required column); the rest are defaults. */
  requiredStated: Set<string>;
  /** The page each structure was read from, for reporting. */
  sources: Map<string, string>;
}

/**
 * Looks up every structure name the action pages use, following references through structures,
 * in the data-structures pages: those on the command line first (in order), then those lying
 * beside the action pages. Unknown names are errors naming the type and the page using it; faults
 * in a reached structure are errors, faults in structures nobody reaches are warnings.
 */
export function resolveStructures(
  actions: readonly ActionPage[],
  explicit: readonly StructuresPage[],
  beside: readonly StructuresPage[],
  log: ProblemLog,
  correct: (structure: string, members: SpecMember[]) => SpecMember[] = (_, members) => members,
): ResolvedStructures {
  const pool = [...explicit, ...beside];
  const find = (name: string) => pool.find((p) => p.structures.has(name))?.structures.get(name);
  const searched =
    pool.length === 0
      ? "no data-structures page was given or lies beside the page"
      : `not in ${pool.map((p) => p.file).join(", ")}`;

  const reached = new Map<string, { draft: StructureDraft; directions: Set<Direction> }>();
  const queue: { draft: StructureDraft; direction: Direction; usedBy: string }[] = [];
  const visit = (members: readonly MemberDraft[], owner: string, file: string, direction: Direction) => {
    for (const member of members) {
      const ref = referenceOf(member.expr);
      if (!ref) continue;
      const draft = find(ref.name);
      if (!draft) {
        const where = `${owner}.${member.name}`;
        log.error(
          file,
          member.line,
          ref.linked
            ? `structure "${ref.name}" of ${where} is not defined: ${searched}`
            : `unknown type "${ref.name}" of ${where}: not String, Integer, Float, Boolean or Object, and no structure of that name: ${searched}`,
        );
        continue;
      }
      const entry = reached.get(ref.name);
      if (entry?.directions.has(direction)) continue;
      if (entry) entry.directions.add(direction);
      else reached.set(ref.name, { draft, directions: new Set([direction]) });
      queue.push({ draft, direction, usedBy: `${owner}.${member.name}` });
    }
  };

  for (const action of actions) {
    visit(action.input, action.name, action.file, "input");
    visit(action.output, action.name, action.file, "output");
  }
  const faultsReported = new Set<string>();
  while (queue.length > 0) {
    const { draft, direction, usedBy } = queue.shift()!;
    if (!faultsReported.has(draft.name)) {
      faultsReported.add(draft.name);
      for (const fault of draft.faults)
        log.add({ ...fault, message: `${fault.message} (structure ${draft.name}, used by ${usedBy})` });
    }
    visit(draft.members, draft.name, draft.file, direction);
  }

  for (const page of explicit) {
    for (const draft of page.structures.values()) {
      if (reached.get(draft.name)?.draft === draft) continue;
      for (const fault of draft.faults) {
        log.warn(
          fault.file,
          fault.line,
          `${fault.message} (structure ${draft.name} is not used by the imported pages, so it is not imported)`,
        );
      }
    }
  }

  const specs: StructureSpec[] = [];
  const members = new Map<string, SpecMember[]>();
  const requiredStated = new Set<string>();
  const sources = new Map<string, string>();
  for (const name of [...reached.keys()].sort()) {
    const { draft, directions } = reached.get(name)!;
    const usage = directions.size === 2 ? "both" : directions.has("input") ? "input" : "output";
    // Docs tables for output structures have no Required column; what they list is what the service returns.
    const spec: StructureSpec = {
      name,
      description: draft.description,
      usage,
      members: correct(
        name,
        draft.members.map((m) => toSpecMember(m, m.required ?? usage === "output")),
      ),
    };
    specs.push(spec);
    members.set(name, spec.members);
    sources.set(name, draft.file);
    for (const m of draft.members) if (m.required !== undefined) requiredStated.add(`${name}.${m.name}`);
  }
  return { specs, members, requiredStated, sources };
}

/** A member draft as it appears in a spec, once its structure names are known to exist. */
export function toSpecMember(draft: MemberDraft, required: boolean): SpecMember {
  return {
    name: draft.name,
    type: toSpecType(draft.expr),
    required,
    nullable: draft.nullable,
    description: draft.description,
    deprecated: draft.deprecated,
  };
}
