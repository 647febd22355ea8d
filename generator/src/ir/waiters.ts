import type { WaiterSpec } from "../spec/types.js";
import { compareCodeUnits } from "../spec/write-json.js";
import { camelCase, pascalCase, waiterMethodName } from "./naming.js";
import type { ProblemList } from "./problems.js";
import type { IrMember, IrType, IrWaiter } from "./types.js";

/** Action data a waiter is checked against. */
export interface WaiterActions {
  get(name: string): { readonly input: readonly IrMember[]; readonly output: readonly IrMember[] } | undefined;
}

/**
 * Resolves one waiter: the polled action exists, takes `input` and returns `path`;
 * every tracked action exists and returns `input` with a type the polled action accepts.
 */
export function resolveWaiter(
  name: string,
  spec: WaiterSpec,
  actions: WaiterActions,
  problems: ProblemList,
): IrWaiter | undefined {
  const at = `/waiters/${name}`;
  const before = problems.size;
  const polled = actions.get(spec.action);
  let inputType: IrType | undefined;
  if (!polled) {
    problems.add("service.json", `${at}/action`, `unknown action "${spec.action}"`);
  } else {
    inputType = polled.input.find((m) => m.name === spec.input)?.type;
    if (!inputType) problems.add("service.json", `${at}/input`, `${spec.action} has no input member "${spec.input}"`);
    if (!polled.output.some((m) => m.name === spec.path)) {
      problems.add("service.json", `${at}/path`, `${spec.action} has no output member "${spec.path}"`);
    }
  }
  if (spec.minDelayMs > spec.maxDelayMs) {
    problems.add(
      "service.json",
      `${at}/minDelayMs`,
      `minDelayMs (${spec.minDelayMs}) exceeds maxDelayMs (${spec.maxDelayMs})`,
    );
  }
  spec.trackedActions.forEach((tracked, i) => {
    const action = actions.get(tracked);
    const pointer = `${at}/trackedActions/${i}`;
    if (!action) {
      problems.add("service.json", pointer, `unknown action "${tracked}"`);
      return;
    }
    const carried = action.output.find((m) => m.name === spec.input);
    if (!carried) problems.add("service.json", pointer, `${tracked} has no output member "${spec.input}" to track`);
    else if (inputType && !sameType(carried.type, inputType)) {
      problems.add(
        "service.json",
        pointer,
        `${tracked} returns "${spec.input}" as ${describe(carried.type)}, but ${spec.action} takes ${describe(inputType)}`,
      );
    }
  });
  if (problems.size > before || !inputType) return undefined;
  return {
    name,
    methodName: waiterMethodName(name, spec.input),
    metaName: `${camelCase(name)}Waiter`,
    targetTypeName: `${pascalCase(name)}Target`,
    action: spec.action,
    input: spec.input,
    inputType,
    path: spec.path,
    success: [...spec.success],
    failure: [...spec.failure],
    minDelayMs: spec.minDelayMs,
    maxDelayMs: spec.maxDelayMs,
    trackedActions: [...spec.trackedActions].sort(compareCodeUnits),
  };
}

/**
 * Whether a tracked action's id can be sent as the polled action's input. Numeric kinds mix:
 * ids travel as number or bigint whatever the declared width, and specs imported from service
 * descriptions sometimes type a task id `float` (Redis DeleteReplicationInstance).
 */
function sameType(a: IrType, b: IrType): boolean {
  const numeric = (t: IrType): boolean => t.kind === "int64" || t.kind === "uint64" || t.kind === "float";
  if (numeric(a) && numeric(b)) return true;
  if (a.kind === "list" && b.kind === "list") return sameType(a.items, b.items);
  if (a.kind === "structure" && b.kind === "structure") return a.name === b.name;
  return a.kind === b.kind;
}

function describe(t: IrType): string {
  return t.kind === "list" ? `list of ${describe(t.items)}` : t.kind === "structure" ? t.name : t.kind;
}
