type Listener = () => void;

/** Callers waiting on each signal; one real `abort` listener per signal serves all of them. */
const waiting = new WeakMap<AbortSignal, Set<Listener>>();

/**
 * Runs `listener` once when `signal` aborts and returns the function that unregisters it. However
 * many calls share one signal (thousands queued behind a rate limit), the signal carries a single
 * event listener, so Node never warns `MaxListenersExceededWarning`, and unregistering is O(1).
 * Listeners run in registration order.
 */
export function onAbort(signal: AbortSignal, listener: Listener): () => void {
  let listeners = waiting.get(signal);
  if (listeners === undefined) {
    const created = new Set<Listener>();
    listeners = created;
    waiting.set(signal, created);
    signal.addEventListener(
      "abort",
      () => {
        waiting.delete(signal);
        for (const run of created) run();
        created.clear();
      },
      { once: true },
    );
  }
  const registered = listeners;
  // Wrapped so the same function registered twice is two registrations, each removable on its own.
  const entry: Listener = () => listener();
  registered.add(entry);
  return () => {
    registered.delete(entry);
  };
}
