import type { ServerResponse } from "node:http";
import { stringifyJson } from "../json/index.js";

type Json = Record<string, unknown>;

/** Pause between two simulated events, so a client really receives them one by one. */
const EVENT_GAP_MS = 5;
const PIECES = 3;

/**
 * The default events of a streamed answer: the answer three times, its {@link streamedText} split into
 * consecutive pieces (so the pieces joined give the whole text), each event carrying the `RequestId`.
 * Generic on purpose: it knows no service's own delta format (e.g. Hunyuan's `Choices[].Delta`).
 */
export function splitAnswer(answer: Json): Json[] {
  const text = streamedText(answer);
  if (text === undefined || text.value.length < PIECES) return [answer];
  const size = Math.ceil(text.value.length / PIECES);
  return Array.from({ length: PIECES }, (_, i) => {
    const event = structuredClone(answer);
    setAt(event, text.path, text.value.slice(i * size, (i + 1) * size));
    return event;
  }).filter((_, i) => i * size < text.value.length);
}

interface Found {
  readonly path: Array<string | number>;
  readonly value: string;
  /** Prose, not an id, a code or a timestamp: it has a space or a character outside ASCII. */
  readonly prose: boolean;
  /** Inside a list, where a streamed answer grows (choices, results), not a top-level field beside it. */
  readonly listed: boolean;
}

/**
 * The string a stream would deliver in pieces: prose before ids (a request id or a UUID is never
 * streamed), then text inside a list before a top-level field (a disclaimer or a note beside the
 * choices), then the longest. `RequestId` is never chosen.
 */
function streamedText(answer: Json): Found | undefined {
  let best: Found | undefined;
  for (const found of strings(answer, [], false)) {
    if (best === undefined || better(found, best)) best = found;
  }
  return best;
}

/** Whether `a` ranks before `b` (see {@link streamedText}); ties keep the first found. */
function better(a: Found, b: Found): boolean {
  if (a.prose !== b.prose) return a.prose;
  if (a.listed !== b.listed) return a.listed;
  return a.value.length > b.value.length;
}

function* strings(node: unknown, path: Array<string | number>, listed: boolean): Generator<Found> {
  if (typeof node === "string") {
    yield { path, value: node, prose: /[\s\u0080-\uffff]/.test(node), listed };
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const isList = Array.isArray(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === "RequestId") continue;
    yield* strings(value, [...path, isList ? Number(key) : key], listed || isList);
  }
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

function setAt(root: Json, path: ReadonlyArray<string | number>, value: string): void {
  let node = root as Record<string | number, unknown>;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else node = node[key] as Record<string | number, unknown>;
  });
}
