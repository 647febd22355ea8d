import type { SpecMember, StreamSpec } from "../../spec/types.js";

/**
 * What marks a member as the switch to a Server-Sent Events answer: its description names SSE or
 * streaming output. "stream" alone is not enough (media services speak of live streams, data
 * services of upstream and downstream tasks); over the whole catalogue this matches exactly the
 * three documented streaming actions.
 */
const STREAMING = /\bSSE\b|server-sent events|\bstreaming\b/i;

/**
 * The stream declaration of an action: its boolean input member whose description says that `true`
 * streams the answer (e.g. `Stream`: "for streaming calls, the results are incrementally returned via
 * the SSE protocol"). `undefined` when there is none or more than one (ambiguous: curate it).
 */
export function detectStream(input: readonly SpecMember[]): StreamSpec | undefined {
  const switches = input.filter((m) => m.type.kind === "boolean" && STREAMING.test(m.description));
  return switches.length === 1 ? { member: switches[0]!.name } : undefined;
}

/** `{ stream }` to spread into an action spec when the action streams, else nothing. */
export function streamField(input: readonly SpecMember[]): { stream?: StreamSpec } {
  const stream = detectStream(input);
  return stream ? { stream } : {};
}
