import { brand, kindOf } from "../errors/brand.js";
import { SdkError, type SdkErrorOptions } from "../errors/sdk-error.js";

/**
 * Why a Server-Sent Events answer failed after it started:
 * - `StreamInterrupted`: the connection broke, or went silent longer than `timeoutMs`, before the stream ended;
 * - `ErrorEvent`: the service sent an error as an event (`event: error`, or an event carrying `Error`/`ErrorMsg`);
 * - `MalformedEvent`: an event's data is not a JSON object.
 */
export type StreamErrorCode = "StreamInterrupted" | "ErrorEvent" | "MalformedEvent";

/** What {@link StreamError} reports. */
export interface StreamErrorInit extends SdkErrorOptions {
  readonly code: StreamErrorCode;
  /** The service's own code from an error event, e.g. `InternalError`. */
  readonly serviceCode?: string | undefined;
  readonly requestId?: string | undefined;
  /** Events delivered before the failure. */
  readonly eventsDelivered: number;
}

/**
 * A streamed answer failed after it started. Never retried: events were (or may have been) delivered,
 * and the action may not be safe to run twice.
 */
export class StreamError extends SdkError {
  /** What went wrong, see {@link StreamErrorCode}. */
  readonly code: StreamErrorCode;
  /** The service's code from an error event, when it gave one. */
  readonly serviceCode: string | undefined;
  /** `RequestId` of the call, when the service sent one. */
  readonly requestId: string | undefined;
  /** Events delivered before the failure. */
  readonly eventsDelivered: number;

  constructor(message: string, init: StreamErrorInit) {
    super(message, init);
    this.code = init.code;
    this.serviceCode = init.serviceCode;
    this.requestId = init.requestId;
    this.eventsDelivered = init.eventsDelivered;
  }

  protected override details(): Record<string, unknown> {
    return {
      code: this.code,
      serviceCode: this.serviceCode,
      requestId: this.requestId,
      eventsDelivered: this.eventsDelivered,
    };
  }
}
brand(StreamError, "StreamError");

/** True for a {@link StreamError} from any copy of `@org/tc-core`. */
export function isStreamError(value: unknown): value is StreamError {
  return kindOf(value) === "StreamError";
}
