import type { ActionSpec, AnyWaiterSpec } from "../spec/types.js";
import { isStateWaiterSpec } from "../spec/types.js";
import { compareCodeUnits } from "../spec/write-json.js";
import type { NameScope } from "./collisions.js";
import type { ProblemList } from "./problems.js";
import { resolveStateWaiter, type StateWaiterActions } from "./state-waiters.js";
import type { IrMember, IrStateWaiter, IrStream, IrStructure } from "./types.js";

/** Every state waiter of `service.json`, sorted by name, with its method and constant names claimed. */
export function resolveStateWaiters(
  waiters: Readonly<Record<string, AnyWaiterSpec>>,
  actions: StateWaiterActions,
  structures: readonly IrStructure[],
  problems: ProblemList,
  client: NameScope,
  module: NameScope,
): IrStateWaiter[] {
  return Object.keys(waiters)
    .sort(compareCodeUnits)
    .flatMap((name) => {
      const spec = waiters[name];
      if (!spec || !isStateWaiterSpec(spec)) return [];
      const waiter = resolveStateWaiter(name, spec, actions, structures, problems);
      if (!waiter) return [];
      const origin = { file: "service.json", path: `/waiters/${name}`, what: `state waiter ${name}` };
      client.claim(waiter.methodName, origin);
      module.claim(waiter.metaName, origin);
      return [waiter];
    });
}

/** Streaming actions by wire name; the stream member must be a boolean input (checked again here). */
export function resolveStreams(
  actions: ReadonlyArray<{ readonly spec: ActionSpec; readonly file: string; readonly input: readonly IrMember[] }>,
  problems: ProblemList,
  module: NameScope,
): Record<string, IrStream> {
  const streams: Record<string, IrStream> = {};
  for (const { spec, file, input } of actions) {
    if (!spec.stream) continue;
    const member = input.find((m) => m.name === spec.stream?.member);
    if (member?.type.kind !== "boolean") {
      problems.add(file, "/stream/member", `"${spec.stream.member}" is not a boolean input member of ${spec.name}`);
      continue;
    }
    const eventType = `${spec.name}Event`;
    module.claim(eventType, { file, path: "/stream", what: `stream event type of action ${spec.name}` });
    streams[spec.name] = { member: member.name, eventType };
  }
  return streams;
}
