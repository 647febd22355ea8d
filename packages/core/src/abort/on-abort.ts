type Listener = () => void;

interface Registration {
  readonly listeners: Set<Listener>;
  readonly handler: () => void;
}

/** Callers waiting on each signal; one real `abort` listener per signal serves all of them. */
const registrations = new WeakMap<AbortSignal, Registration>();

/**
 * Runs `listener` once when `signal` aborts and returns the function that unregisters it. However
 * many calls share one signal (thousands queued behind a rate limit), the signal carries a single
 * event listener, so Node never warns `MaxListenersExceededWarning`; unregistering is O(1), and the
 * last one removes the signal's listener, so nothing is left behind. Listeners run in registration order.
 */
export function onAbort(signal: AbortSignal, listener: Listener): () => void {
  let registration = registrations.get(signal);
  if (registration === undefined) {
    const listeners = new Set<Listener>();
    const handler = (): void => {
      registrations.delete(signal);
      for (const run of listeners) run();
      listeners.clear();
    };
    registration = { listeners, handler };
    registrations.set(signal, registration);
    signal.addEventListener("abort", handler, { once: true });
  }
  const { listeners, handler } = registration;
  // Wrapped so the same function registered twice is two registrations, each removable on its own.
  const entry: Listener = () => listener();
  listeners.add(entry);
  return () => {
    if (!listeners.delete(entry) || listeners.size > 0) return;
    if (registrations.get(signal)?.listeners === listeners) registrations.delete(signal);
    signal.removeEventListener("abort", handler);
  };
}
