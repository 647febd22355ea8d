import { kindOf } from "../errors/brand.js";
import type { SdkError } from "../errors/sdk-error.js";

/** The service refuses signatures more than 5 minutes off; an offset below this is not worth acting on. */
const MIN_CORRECTION_MS = 30_000;

/**
 * The signing clock of one client: local time plus an offset learnt from the server. With the local
 * clock 10 minutes off, every call would fail `AuthFailure.SignatureExpire`; on that error the
 * server's `Date` header tells the offset, the client corrects its clock and retries the call once.
 */
export class SigningClock {
  readonly #now: () => number;
  #offsetMs = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Milliseconds added to the local clock when signing (server time − local time); 0 until learnt. */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Corrected time in ms since the epoch. */
  now(): number {
    return this.#now() + this.#offsetMs;
  }

  /**
   * Learns the offset from a `SignatureExpire` answer and its `Date` header (second precision, so the
   * middle of that second is taken). True when the offset changed enough for a retry to succeed.
   */
  correct(error: SdkError, headers: Readonly<Record<string, string>> | undefined): boolean {
    if (kindOf(error) !== "TencentCloudError" || (error as { code?: unknown }).code !== "AuthFailure.SignatureExpire")
      return false;
    const date = headers?.["date"];
    const serverMs = date === undefined ? Number.NaN : Date.parse(date);
    if (Number.isNaN(serverMs)) return false;
    const offsetMs = serverMs + 500 - this.#now();
    if (Math.abs(offsetMs - this.#offsetMs) < MIN_CORRECTION_MS) return false;
    this.#offsetMs = offsetMs;
    return true;
  }
}
