import { onAbort } from "../abort/on-abort.js";
import { monotonicMs } from "../clock/monotonic.js";
import { kindOf } from "../errors/brand.js";
import { RequestAbortedError } from "../errors/request-aborted-error.js";
import type { SdkError } from "../errors/sdk-error.js";
import { TimeoutError } from "../errors/timeout-error.js";

/**
 * The life of one call: its deadline (`timeoutMs`, covering every stage: rate-limit queue,
 * credentials, each attempt and each backoff) and its cancellation (the caller's signal or the client
 * closing). Waits use {@link CallScope.signal}, which also fires at the deadline; the transport gets
 * {@link CallScope.cancelSignal} plus the remaining time, so it can still say whether a timed-out
 * request was sent.
 */
export class CallScope {
  readonly timeoutMs: number;
  readonly #deadline: number;
  readonly #caller: AbortSignal | undefined;
  readonly #closing: AbortSignal;
  readonly #unlistenCaller: (() => void) | undefined;
  // Created on first use: most calls never wait (no rate-limit queue, fixed keys, no retry) and carry no
  // signal of their own, and two AbortControllers and a timer per call were a measurable share of its cost.
  #cancel: AbortController | undefined;
  #wait: AbortController | undefined;
  #timer: NodeJS.Timeout | undefined;
  // Only a call holding a controller listens to the close signal: the others see it when they look.
  #unlistenClosing: (() => void) | undefined;
  #cancelled = false;
  #reason: unknown;
  #expired = false;
  #deadlineEnded = false;

  /**
   * @param timeoutMs - The call's deadline, from now.
   * @param caller - The caller's `signal`, if any.
   * @param closing - Aborted when the client closes: the {@link CallScope.cancelSignal} of a call without
   * a signal of its own, shared by all such calls instead of one controller each.
   */
  constructor(timeoutMs: number, caller: AbortSignal | undefined, closing: AbortSignal) {
    this.timeoutMs = timeoutMs;
    this.#deadline = monotonicMs() + timeoutMs;
    this.#caller = caller;
    this.#closing = closing;
    if (closing.aborted) this.#onClose();
    else if (caller?.aborted) this.#onCallerAbort();
    // One shared listener per signal however many calls wait on it (no MaxListenersExceededWarning).
    this.#unlistenCaller = caller === undefined || this.#cancelled ? undefined : onAbort(caller, this.#onCallerAbort);
  }

  /** Fires on abort, close or deadline: what every wait listens to. */
  get signal(): AbortSignal {
    if (this.#wait === undefined) {
      const wait = this.#newController();
      this.#wait = wait;
      if (!this.#cancelled && !this.#deadlineEnded) {
        const expire = (): void => {
          this.#expired = true;
          wait.abort(new Error(`The call's deadline of ${this.timeoutMs} ms passed`));
        };
        const left = this.#deadline - monotonicMs();
        if (left <= 0) expire();
        else this.#timer = setTimeout(expire, left);
      }
    }
    return this.#wait.signal;
  }

  /** Fires on abort or close only: what the transport listens to (it enforces the deadline itself). */
  get cancelSignal(): AbortSignal {
    if (this.#caller === undefined && !this.#cancelled) return this.#closing;
    this.#cancel ??= this.#newController();
    return this.#cancel.signal;
  }

  /** A controller for a signal asked for now: already aborted if the call was, else aborted by `close()`. */
  #newController(): AbortController {
    const controller = new AbortController();
    if (this.#cancelled) controller.abort(this.#reason);
    else this.#unlistenClosing ??= onAbort(this.#closing, this.#onClose);
    return controller;
  }

  /** Milliseconds left before the deadline, at least 1 so a transport always gets a real budget. */
  remainingMs(): number {
    return Math.max(1, Math.ceil(this.#deadline - monotonicMs()));
  }

  /** Whether waiting `delayMs` would still leave time before the deadline. */
  allows(delayMs: number): boolean {
    return monotonicMs() + delayMs < this.#deadline;
  }

  /** Throws if the call must not go on (aborted, closed, past its deadline). */
  check(stage: string, requestSent: boolean): void {
    if (this.#closing.aborted) this.#onClose();
    if (this.#cancelled) throw this.#aborted(stage);
    if (this.#expired || !this.allows(0)) throw this.timeout(stage, requestSent);
  }

  /**
   * The error a failure in `stage` stands for: an abort caused by the deadline is a
   * {@link TimeoutError}; one caused by `close()` says so; anything else is returned unchanged.
   */
  translate(error: unknown, stage: string, requestSent: boolean): unknown {
    if (kindOf(error) !== "RequestAbortedError") return error;
    if (this.#closing.aborted) this.#onClose();
    if (this.#cancelled) return this.#closing.aborted ? this.#aborted(stage) : error;
    return this.#expired ? this.timeout(stage, requestSent) : error;
  }

  /** A {@link TimeoutError} for the call's deadline, passed while in `stage`. */
  timeout(stage: string, requestSent: boolean): SdkError {
    return new TimeoutError(`The call timed out after ${this.timeoutMs} ms ${stage}`, {
      timeoutMs: this.timeoutMs,
      requestSent,
    });
  }

  /**
   * Ends the deadline but not the cancellation: a stream that opened in time may run as long as the
   * server keeps talking, and still stops on abort or close.
   */
  endDeadline(): void {
    this.#deadlineEnded = true;
    clearTimeout(this.#timer);
  }

  /** Releases the timer and the listeners on the caller's and the close signal. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#unlistenCaller?.();
    this.#unlistenClosing?.();
  }

  #aborted(stage: string): RequestAbortedError {
    return this.#closing.aborted
      ? new RequestAbortedError(`The client was closed ${stage}`)
      : new RequestAbortedError(undefined, { cause: this.#caller?.reason });
  }

  readonly #onCallerAbort = (): void => this.#abort(this.#caller!.reason);

  readonly #onClose = (): void => this.#abort(new RequestAbortedError("The client was closed"));

  #abort(reason: unknown): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#reason = reason;
    this.#cancel?.abort(reason);
    this.#wait?.abort(reason);
  }
}
