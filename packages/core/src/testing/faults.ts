import { MockApiError } from "./api-error.js";

const WINDOW_MS = 1000;

/** Injected errors and per-action rate limits of one server. */
export class Faults {
  readonly #queued = new Map<string, MockApiError[]>();
  readonly #limits = new Map<string, number>();
  readonly #recent = new Map<string, number[]>();

  failNext(action: string, code: string, message?: string): void {
    const queue = this.#queued.get(action) ?? [];
    queue.push(new MockApiError(code, message ?? `Injected failure ${code} (local endpoint)`));
    this.#queued.set(action, queue);
  }

  rateLimit(action: string, requestsPerSecond: number | undefined): void {
    if (requestsPerSecond === undefined) this.#limits.delete(action);
    else this.#limits.set(action, requestsPerSecond);
  }

  /**
   * Throws the error this call should get, if any: a queued injection first, then the rate limit.
   * The limit counts accepted calls in the last second, as a sliding window.
   */
  check(action: string, nowMs: number, specLimit: number | undefined): void {
    const queued = this.#queued.get(action)?.shift();
    if (queued) throw queued;
    const limit = this.#limits.get(action) ?? specLimit;
    if (limit === undefined) return;
    const recent = (this.#recent.get(action) ?? []).filter((t) => nowMs - t < WINDOW_MS);
    if (recent.length >= limit) {
      this.#recent.set(action, recent);
      throw new MockApiError(
        "RequestLimitExceeded",
        `Your current request times exceeds the limit of ${limit} per second for ${action}.`,
      );
    }
    recent.push(nowMs);
    this.#recent.set(action, recent);
  }
}
