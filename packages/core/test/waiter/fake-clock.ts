import { RequestAbortedError } from "../../src/errors/index.js";
import type { WaiterClock } from "../../src/waiter/index.js";

/**
 * Virtual time for waiter tests. By default a sleep advances time and resolves at once; with
 * `hold = true` sleeps stay pending until `release()`, so a test can abort in the middle of one.
 */
export class FakeClock implements WaiterClock {
  time = 0;
  readonly sleeps: number[] = [];
  hold = false;
  randomValue = 0.5;
  private pending: (() => void) | undefined;

  now(): number {
    return this.time;
  }

  random(): number {
    return this.randomValue;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(new RequestAbortedError("aborted", { cause: signal.reason }));
    if (!this.hold) {
      this.time += ms;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      signal?.addEventListener("abort", () => reject(new RequestAbortedError("aborted", { cause: signal.reason })), {
        once: true,
      });
      this.pending = () => {
        this.time += ms;
        resolve();
      };
    });
  }

  /** Ends the pending sleep, if any. */
  release(): void {
    this.pending?.();
    this.pending = undefined;
  }
}
