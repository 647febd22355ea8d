import type { CallOptions } from "../client/options.js";
import { abortError, systemClock, type WaiterClock } from "./clock.js";
import { pollDelay } from "./delay.js";
import { WaiterTimeoutError, type WaiterTimeoutInit } from "./errors.js";

/** Thirty minutes: long enough for the slowest Redis tasks (backups, migrations). */
export const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;

/** Options of {@link waitFor} and {@link waitUntil}. */
export interface WaitOptions<R> {
  /** Give up after this long with a `WaiterTimeoutError`. Default 30 minutes. */
  readonly timeoutMs?: number;
  /** First delay between polls; default from the spec (Redis `TaskDone`: 1 s). */
  readonly minDelayMs?: number;
  /** Largest delay between polls; default from the spec (Redis `TaskDone`: 15 s). */
  readonly maxDelayMs?: number;
  /** Stops waiting at once, including a poll in flight; nothing is sent after it aborts. */
  readonly signal?: AbortSignal;
  /** Called with the status and its response whenever the status changes, starting with the first. */
  readonly onProgress?: (status: string, response: R) => void;
  /** Replaces time and randomness, for tests. */
  readonly clock?: WaiterClock;
}

/** What one response says about the wait. */
export interface PollVerdict {
  /** Reported to `onProgress` when it changes. */
  readonly status: string;
  /** The wait succeeded with this response. */
  readonly done: boolean;
  /** The wait failed: thrown after `onProgress` saw the status. */
  readonly failure?: Error;
}

/** How one kind of waiter polls and reads its responses; {@link poll} runs the loop shared by all. */
export interface PollRules<R> {
  /** Sends one poll. */
  readonly send: (options: CallOptions) => Promise<R>;
  /** Reads a response. */
  readonly judge: (response: R) => PollVerdict;
  /** What a `WaiterTimeoutError` names besides the counts: the action, and the task or the waiter. */
  readonly subject: Pick<WaiterTimeoutInit, "action" | "taskId" | "waiter">;
  /** The spec's first delay between polls, used where the caller gives none. */
  readonly minDelayMs: number;
  /** The spec's largest delay between polls, used where the caller gives none. */
  readonly maxDelayMs: number;
}

/**
 * Polls until `rules.judge` says done (resolves with that response) or failed (rejects with its error),
 * with exponential, jittered delays and one last poll at the deadline. Rejects with a
 * `WaiterTimeoutError` after `timeoutMs`, and with a `RequestAbortedError` as soon as `signal` aborts.
 * Invalid options reject before the first poll, every problem named.
 */
export async function poll<R extends object>(rules: PollRules<R>, options: WaitOptions<R>): Promise<R> {
  const { signal, onProgress, clock = systemClock } = options;
  const { timeoutMs, minDelayMs, maxDelayMs } = timings(rules, options);
  const callOptions: CallOptions = signal ? { signal } : {};
  const deadline = clock.now() + timeoutMs;

  let polls = 0;
  let status: string | undefined;
  for (;;) {
    if (signal?.aborted) throw abortError(signal);
    const response = await rules.send(callOptions);
    polls++;
    // The poll may have completed just as the signal fired; the caller asked to stop, so stop.
    if (signal?.aborted) throw abortError(signal);

    const verdict = rules.judge(response);
    if (verdict.status !== status) {
      status = verdict.status;
      onProgress?.(status, response);
    }
    if (verdict.failure) throw verdict.failure;
    if (verdict.done) return response;

    const remaining = deadline - clock.now();
    if (remaining <= 0) throw new WaiterTimeoutError({ ...rules.subject, timeoutMs, polls, status, response });
    // Sleeping at most until the deadline gives the wait one last poll at the deadline itself.
    await clock.sleep(
      Math.min(
        pollDelay(polls - 1, minDelayMs, maxDelayMs, () => clock.random()),
        remaining,
      ),
      signal,
    );
  }
}

function timings(
  defaults: Pick<PollRules<unknown>, "minDelayMs" | "maxDelayMs">,
  options: Pick<WaitOptions<object>, "timeoutMs" | "minDelayMs" | "maxDelayMs">,
): { timeoutMs: number; minDelayMs: number; maxDelayMs: number } {
  const problems: string[] = [];
  const checked = (name: string, value: number): number => {
    if (!(value >= 0) || !Number.isFinite(value))
      problems.push(`${name} must be a non-negative number of ms, got ${value}`);
    return value;
  };
  const timeoutMs = checked("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const minDelayMs = checked("minDelayMs", options.minDelayMs ?? defaults.minDelayMs);
  const maxDelayMs = checked("maxDelayMs", options.maxDelayMs ?? Math.max(defaults.maxDelayMs, minDelayMs));
  if (problems.length > 0) throw new RangeError(problems.join("; "));
  return { timeoutMs, minDelayMs, maxDelayMs };
}

/**
 * A test of whether a state is one of `states`. Case-insensitive, because services document states
 * inconsistently (Redis lists both `error` and `Error`); lower-cased, not upper-cased, so that "ſ" does
 * not match "s".
 */
export function anyOf(states: readonly string[]): (state: string) => boolean {
  const set = new Set(states.map((s) => s.toLowerCase()));
  return (state) => set.has(state.toLowerCase());
}
