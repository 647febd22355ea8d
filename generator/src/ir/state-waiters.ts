import type { StateWaiterSpec } from "../spec/types.js";
import { camelCase, pascalCase } from "./naming.js";
import type { ProblemList } from "./problems.js";
import type { IrMember, IrStateWaiter, IrStructure, IrType } from "./types.js";

/** Action data a state waiter is checked against. */
export interface StateWaiterActions {
  get(name: string): { readonly output: readonly IrMember[] } | undefined;
}

/**
 * Resolves one state waiter: the polled and `after` actions exist and the path leads, through
 * lists marked `[]` and structures, to a scalar whose kind is what the local endpoint writes.
 */
export function resolveStateWaiter(
  name: string,
  spec: StateWaiterSpec,
  actions: StateWaiterActions,
  structures: readonly IrStructure[],
  problems: ProblemList,
): IrStateWaiter | undefined {
  const at = `/waiters/${name}`;
  const before = problems.size;
  spec.after.forEach((after, i) => {
    if (!actions.get(after)) problems.add("service.json", `${at}/after/${i}`, `unknown action "${after}"`);
  });
  if (spec.minDelayMs > spec.maxDelayMs) {
    problems.add(
      "service.json",
      `${at}/minDelayMs`,
      `minDelayMs (${spec.minDelayMs}) exceeds maxDelayMs (${spec.maxDelayMs})`,
    );
  }
  const polled = actions.get(spec.action);
  if (!polled) {
    problems.add("service.json", `${at}/action`, `unknown action "${spec.action}"`);
    return undefined;
  }
  const leaf = leafType(spec.path, polled.output, structures);
  if (typeof leaf === "string") problems.add("service.json", `${at}/path`, leaf);
  if (problems.size > before || typeof leaf === "string") return undefined;
  return {
    name,
    methodName: `waitUntil${pascalCase(name)}`,
    metaName: `${camelCase(name)}Waiter`,
    action: spec.action,
    path: spec.path,
    valueKind: leaf.kind === "string" ? "string" : leaf.kind === "boolean" ? "boolean" : "number",
    success: [...spec.success],
    failure: [...spec.failure],
    pending: [...(spec.pending ?? [])],
    minDelayMs: spec.minDelayMs,
    maxDelayMs: spec.maxDelayMs,
    after: [...spec.after],
  };
}

/** The scalar type at the end of `path`, or a message saying where it stops resolving. */
function leafType(path: string, output: readonly IrMember[], structures: readonly IrStructure[]): IrType | string {
  let members = output;
  const parts = path.split(".");
  for (const [i, part] of parts.entries()) {
    const each = part.endsWith("[]");
    const name = each ? part.slice(0, -2) : part;
    const member = members.find((m) => m.name === name);
    if (!member) return `no member "${name}" on the way along ${path}`;
    if ((member.type.kind === "list") !== each)
      return `"${name}" ${each ? "is not a list" : "is a list: mark it []"} in ${path}`;
    const type = member.type.kind === "list" ? member.type.items : member.type;
    if (i === parts.length - 1) {
      return each || type.kind === "list" || type.kind === "structure" || type.kind === "object"
        ? `${path} does not end at a scalar member`
        : type;
    }
    if (type.kind !== "structure") return `"${name}" is not a structure in ${path}`;
    const typeName = type.name;
    const structure = structures.find((s) => s.name === typeName);
    if (!structure) return `structure ${typeName} not found`;
    members = structure.members;
  }
  return `empty path`;
}
