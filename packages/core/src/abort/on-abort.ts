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
  readonly handler: () => void;
}

/** Callers waiting on each signal; one real `abort` listener per signal serves all of them. */
const registrations = new WeakMap<AbortSignal, Registration>();

/**
 * Runs `listener` once when `signal` aborts and returns the function that unregisters it. However
 * many calls share one signal (thousands queued behind a rate limit, every call of a client on its
 * close signal), the signal carries a single event listener, so Node never warns
 * `MaxListenersExceededWarning`; unregistering is O(1), and the last one removes the signal's
 * listener, so nothing is left behind. Listeners run in registration order.
 *
 * The listeners form a linked list rather than a `Set`: a `Set` that every call enters and leaves
 * reallocates its table as it churns, and V8 keeps the discarded tables' entries reachable until
 * the next full collection, so every call in flight was promoted to the old generation (six times
 * the promoted bytes and twice the CPU per call, measured in `bench/`). An unlinked entry clears its
 * links, so nothing stale points at a finished call either.
 */
export function onAbort(signal: AbortSignal, listener: Listener): () => void {
  let registration = registrations.get(signal);
  if (registration === undefined) {
    const created: Registration = {
      head: undefined,
      tail: undefined,
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
    registration = created;
    registrations.set(signal, created);
    signal.addEventListener("abort", created.handler, { once: true });
  }
  const owner = registration;
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
    if (owner.head !== undefined || registrations.get(signal) !== owner) return;
    registrations.delete(signal);
    signal.removeEventListener("abort", owner.handler);
  };
}
