import type { ActionSpec, SpecMember, SpecType, StateWaiterSpec, StructureSpec } from "../spec/types.js";

type Add = (file: string, path: string, message: string) => void;

/**
 * Rules of a state waiter that span files: the polled action and every `after` action exist, the
 * path resolves step by step against the polled action's output (a `[]` exactly on lists, ending
 * at a scalar member), and every declared value can be a value of that member.
 */
export function checkStateWaiter(
  file: string,
  at: string,
  waiter: StateWaiterSpec,
  actions: ReadonlyMap<string, ActionSpec>,
  structures: ReadonlyMap<string, StructureSpec>,
  knownAction: (name: string) => boolean,
  add: Add,
): void {
  if (waiter.minDelayMs > waiter.maxDelayMs) add(file, `${at}/minDelayMs`, "minDelayMs is greater than maxDelayMs");
  waiter.after.forEach((name, i) => {
    if (!knownAction(name)) add(file, `${at}/after/${i}`, `action "${name}" not found`);
  });
  const action = actions.get(waiter.action);
  if (!action) {
    if (!knownAction(waiter.action)) add(file, `${at}/action`, `action "${waiter.action}" not found`);
    return;
  }
  const leaf = resolvePath(waiter.path, action, structures, (message) => add(file, `${at}/path`, message));
  if (!leaf) return;
  for (const key of ["success", "failure", "pending"] as const) {
    (waiter[key] ?? []).forEach((value, i) => {
      if (!fits(value, leaf))
        add(file, `${at}/${key}/${i}`, `"${value}" is not a possible ${leaf.kind} value of ${waiter.path}`);
    });
  }
}

/** The scalar type at the end of `path`, or `undefined` after reporting why it does not resolve. */
function resolvePath(
  path: string,
  action: ActionSpec,
  structures: ReadonlyMap<string, StructureSpec>,
  fail: (message: string) => void,
): SpecType | undefined {
  let members: readonly SpecMember[] = action.output;
  let owner = `${action.name} output`;
  const parts = path.split(".");
  for (const [i, part] of parts.entries()) {
    const each = part.endsWith("[]");
    const name = each ? part.slice(0, -2) : part;
    const member = members.find((m) => m.name === name);
    if (!member) return void fail(`"${name}" is not a member of ${owner} (in path ${path})`);
    let type = member.type;
    if (type.kind === "list" && !each) return void fail(`"${name}" is a list: write "${name}[]" to wait on every item`);
    if (type.kind !== "list" && each) return void fail(`"${name}" is not a list, so "[]" does not apply`);
    if (type.kind === "list") type = type.items;
    const last = i === parts.length - 1;
    if (last && each) return void fail(`path ${path} must end at a member of each item, not at the list itself`);
    if (last) {
      if (type.kind === "structure" || type.kind === "object" || type.kind === "list") {
        return void fail(
          `path ${path} must end at a string, number or boolean member, not ${type.kind === "structure" ? type.name : type.kind}`,
        );
      }
      return type;
    }
    if (type.kind !== "structure")
      return void fail(`"${name}" is not a structure, so the path cannot continue past it`);
    const structure = structures.get(type.name);
    if (!structure) return undefined; // reported as a missing structure already
    members = structure.members;
    owner = `structure ${type.name}`;
  }
  return undefined;
}

function fits(value: string, type: SpecType): boolean {
  if (type.kind === "integer") return /^-?\d+$/.test(value);
  if (type.kind === "float") return value.trim() !== "" && Number.isFinite(Number(value));
  if (type.kind === "boolean") return value === "true" || value === "false";
  return true;
}
