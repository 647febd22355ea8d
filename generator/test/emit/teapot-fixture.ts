import path from "node:path";
import { fileURLToPath } from "node:url";

/** Specs root holding the teapot fixture: a state waiter, a list action with items and a streaming action. */
export const STREAM_WAITERS_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../fixtures/stream-waiters",
);
