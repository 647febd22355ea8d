type Listener = () => void;

/** One registered listener: a node of its signal's list, unlinked (and cleared) when it leaves. */
interface Entry {
  listener: Listener | undefined;
  prev: Entry | undefined;
  next: Entry | undefined;
}

/** The callers waiting on one signal, and the single `abort` listener that serves them all. */
interface Registration {
  head: Entry | undefined;
  tail: Entry | undefined;
  /** Set by {@link holdAbortListener}: the event listener stays when the list empties. */
  held: boolean;
  readonly handler: () => void;
}

/** Callers waiting on each signal; one real `abort` listener per signal serves all of them. */
const registrations = new WeakMap<AbortSignal, Registration>();

/**
 * Runs `listener` once when `signal` aborts and returns the function that unregisters it. However
 * many calls share one signal (thousands queued behind a rate limit, every call of a client on its
 * close signal), the signal carries a single event listener, so Node never warns
 * `MaxListenersExceededWarning`; unregistering is O(1), and the last one removes the signal's
 * listener (unless {@link holdAbortListener} holds it), so nothing is left behind. Listeners run in
 * registration order.
 *
 * The listeners form a linked list rather than a `Set`: a `Set` that every call enters and leaves
 * reallocates its table as it churns, and V8 keeps the discarded tables' entries reachable until
 * the next full collection, so every call in flight was promoted to the old generation (six times
 * the promoted bytes and twice the CPU per call, measured in `bench/`). An unlinked entry clears its
 * links, so nothing stale points at a finished call either.
 */
export function onAbort(signal: AbortSignal, listener: Listener): () => void {
  const owner = registrationOf(signal);
  const entry: Entry = { listener, prev: owner.tail, next: undefined };
  if (owner.tail === undefined) owner.head = entry;
  else owner.tail.next = entry;
  owner.tail = entry;
  return () => {
    if (entry.listener === undefined) return;
    const { prev, next } = entry;
    entry.listener = entry.prev = entry.next = undefined;
    if (prev === undefined) owner.head = next;
    else prev.next = next;
    if (next === undefined) owner.tail = prev;
    else next.prev = prev;
    if (owner.head !== undefined || owner.held || registrations.get(signal) !== owner) return;
    registrations.delete(signal);
    signal.removeEventListener("abort", owner.handler);
  };
}

/**
 * Keeps `signal`'s one event listener registered while the signal lives, instead of removing it each
 * time its last caller leaves. Only for a signal whose owner keeps it for its whole life, such as a
 * client's close signal: one call at a time would otherwise add and remove a real `abort` listener on
 * every call (Node's `EventTarget` makes that the dearest part of registering). Never for a caller's
 * signal: a listener keeps Node's `AbortSignal.timeout()` and `AbortSignal.any()` signals alive.
 */
export function holdAbortListener(signal: AbortSignal): void {
  if (!signal.aborted) registrationOf(signal).held = true;
}

/** The registration of `signal`, created with its one `abort` listener on first use. */
function registrationOf(signal: AbortSignal): Registration {
  const existing = registrations.get(signal);
  if (existing !== undefined) return existing;
  const created: Registration = {
    head: undefined,
    tail: undefined,
    held: false,
    handler: () => {
      registrations.delete(signal);
      // Detached first: a listener may unregister one that has not run yet, which then must not run.
      const entries: Entry[] = [];
      for (let entry = created.head; entry !== undefined; entry = entry.next) entries.push(entry);
      created.head = created.tail = undefined;
      for (const entry of entries) entry.prev = entry.next = undefined;
      for (const entry of entries) {
        const run = entry.listener;
        entry.listener = undefined;
        run?.();
      }
    },
  };
  registrations.set(signal, created);
  signal.addEventListener("abort", created.handler, { once: true });
  return created;
}
