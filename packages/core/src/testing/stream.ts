import type { ServerResponse } from "node:http";
import { stringifyJson } from "../json/index.js";

type Json = Record<string, unknown>;

/** Pause between two simulated events, so a client really receives them one by one. */
const EVENT_GAP_MS = 5;
const PIECES = 3;

/**
 * The default events of a streamed answer: the answer three times, its longest string split into
 * consecutive pieces (so the pieces joined give the whole text), each event carrying the `RequestId`.
 * Generic on purpose: it does not imitate a service's own delta format (e.g. `Choices[].Delta`).
 */
export function splitAnswer(answer: Json): Json[] {
  const longest = longestString(answer, []);
  if (longest === undefined || longest.value.length < PIECES) return [answer];
  const size = Math.ceil(longest.value.length / PIECES);
  return Array.from({ length: PIECES }, (_, i) => {
    const event = structuredClone(answer);
    setAt(event, longest.path, longest.value.slice(i * size, (i + 1) * size));
    return event;
  }).filter((_, i) => i * size < longest.value.length);
}

/** Writes `events` as Server-Sent Events, one `data:` line each, then ends the response. */
export async function sendEvents(res: ServerResponse, events: readonly object[]): Promise<void> {
  res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache" });
  for (const event of events) {
    if (res.destroyed) return;
    res.write(`data: ${stringifyJson(event)}\n\n`);
    await new Promise((resolve) => setTimeout(resolve, EVENT_GAP_MS));
  }
  res.end();
}

function longestString(
  node: unknown,
  path: Array<string | number>,
): { path: Array<string | number>; value: string } | undefined {
  if (typeof node === "string") return { path, value: node };
  if (typeof node !== "object" || node === null) return undefined;
  let best: { path: Array<string | number>; value: string } | undefined;
  for (const [key, value] of Object.entries(node)) {
    if (key === "RequestId") continue;
    const found = longestString(value, [...path, Array.isArray(node) ? Number(key) : key]);
    if (found && (best === undefined || found.value.length > best.value.length)) best = found;
  }
  return best;
}

function setAt(root: Json, path: ReadonlyArray<string | number>, value: string): void {
  let node = root as Record<string | number, unknown>;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else node = node[key] as Record<string | number, unknown>;
  });
}
