import type { EventSourceMessage } from "eventsource-parser";
import { parseJson } from "../json/parse.js";

/** One parsed Server-Sent Event: its `event` name (`undefined` for the default) and JSON data. */
export interface SseEvent {
  readonly event: string | undefined;
  readonly data: unknown;
  /** The raw data text, for messages about malformed events. */
  readonly text: string;
}

/** Raised for an event whose data is not JSON; the caller turns it into a `StreamError`. */
export class MalformedEventData extends Error {}

/**
 * Parses SSE from byte chunks with eventsource-parser, loaded on first use so that clients that never
 * stream do not load it. Comments and `retry:` fields are ignored (a stream is never reconnected:
 * reconnecting would run the action again); events without data are skipped. Stops without flushing a partial
 * last event when the body did not end cleanly (`complete()` false).
 */
export async function* readEvents(
  chunks: AsyncIterable<Uint8Array>,
  complete: () => boolean,
): AsyncGenerator<SseEvent> {
  const { createParser } = await import("eventsource-parser");
  const pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => pending.push(message) });
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    while (pending.length > 0) {
      const event = parse(pending.shift()!);
      if (event !== undefined) yield event;
    }
  }
  if (!complete()) return;
  parser.feed(decoder.decode());
  // A final event without its blank line still counts once the body ended cleanly.
  parser.feed("\n\n");
  while (pending.length > 0) {
    const event = parse(pending.shift()!);
    if (event !== undefined) yield event;
  }
}

/** The event, or `undefined` for one without data (a keep-alive). */
function parse(message: EventSourceMessage): SseEvent | undefined {
  const text = message.data;
  if (text.trim() === "") return undefined;
  let data: unknown;
  try {
    data = parseJson(text);
  } catch {
    throw new MalformedEventData(text);
  }
  return { event: message.event, data, text };
}
