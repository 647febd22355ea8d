import { WaitQueue } from "./wait-queue.js";

/** The rate every local limit takes; anything but a positive finite number is a RangeError. */
export function checkRate(ratePerSecond: number): void {
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
    throw new RangeError(`Rate limit must be a positive number of requests per second, got ${ratePerSecond}`);
  }
}

/**
 * What the local limits share around their own slot arithmetic: a caller starts at once when a slot is
 * free and nobody waits, else it queues (FIFO, see {@link WaitQueue}); one timer, set for when the
 * next slot frees, lets the queue through in order.
 */
export class SlotQueue {
  readonly #queue = new WaitQueue();
  readonly #take: () => boolean;
  readonly #waitMs: () => number;
  #timer: NodeJS.Timeout | undefined;

  /**
   * @param take - Takes a slot if one is free now.
   * @param waitMs - Ms until the next slot frees (0 or less when one is free).
   */
  constructor(take: () => boolean, waitMs: () => number) {
    this.#take = take;
    this.#waitMs = waitMs;
  }

  /** Callers waiting. */
  get size(): number {
    return this.#queue.size;
  }

  /**
   * Takes a slot: `undefined` when the call may start now (no promise on the fast path), else a
   * promise that resolves in turn or rejects with `RequestAbortedError` when `signal` aborts.
   */
  acquire(signal?: AbortSignal): Promise<void> | undefined {
    if (this.#queue.size === 0 && this.#take()) return undefined;
    const waiting = this.#queue.enqueue(signal);
    this.#schedule();
    return waiting;
  }

  /** Rejects every queued caller with an error from `makeError` (one each) and stops the timer. */
  close(makeError: () => unknown): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#queue.rejectAll(makeError);
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#queue.size === 0) return;
    this.#timer = setTimeout(this.#drain, Math.max(0, Math.ceil(this.#waitMs())));
  }

  readonly #drain = (): void => {
    this.#timer = undefined;
    while (this.#queue.size > 0 && this.#take()) this.#queue.grant();
    this.#schedule();
  };
}
