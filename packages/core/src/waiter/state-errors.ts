import { brand, kindOf } from "../errors/brand.js";
import { SdkError } from "../errors/index.js";

/** What a state waiter saw when the resource reached a failure state. */
export interface WaiterFailedInit {
  readonly action: string;
  /** The waiter's spec name, e.g. `InstanceRunning`. */
  readonly waiter: string;
  /** Where the state was read, e.g. `InstanceSet[].Status`. */
  readonly path: string;
  /** Every value found at `path`, in response order. */
  readonly values: readonly string[];
  /** The failure values among them. */
  readonly failed: readonly string[];
  readonly response: object;
}

/**
 * A state waiter (e.g. `waitUntilInstanceRunning`) saw a failure value at its path: the resource will
 * not reach the awaited state. The poll itself succeeded, so this is never retried.
 */
export class WaiterFailedError extends SdkError {
  /** The waiter's spec name, e.g. `InstanceRunning`. */
  readonly waiter: string;
  /** Where the state was read, e.g. `InstanceSet[].Status`. */
  readonly path: string;
  /** Every value found at `path` in the last response. */
  readonly values: readonly string[];
  /** The failure values among {@link WaiterFailedError.values}. */
  readonly failed: readonly string[];
  /** `RequestId` of the poll that saw the failure. */
  readonly requestId: string | undefined;
  /** The whole last response. */
  readonly response: object;

  constructor(init: WaiterFailedInit) {
    const requestId = (init.response as Record<string, unknown>)["RequestId"];
    const id = typeof requestId === "string" && requestId !== "" ? requestId : undefined;
    super(
      `${init.waiter}: ${init.action} reported ${init.path} = ${init.failed.map((v) => `"${v}"`).join(", ")}, ` +
        `a failure state${id ? ` (RequestId ${id})` : ""}`,
      { action: init.action },
    );
    this.waiter = init.waiter;
    this.path = init.path;
    this.values = init.values;
    this.failed = init.failed;
    this.requestId = id;
    this.response = init.response;
  }

  protected override details(): Record<string, unknown> {
    return {
      waiter: this.waiter,
      path: this.path,
      values: this.values,
      failed: this.failed,
      requestId: this.requestId,
    };
  }
}
brand(WaiterFailedError, "WaiterFailedError");

/** True for a {@link WaiterFailedError} from any copy of `@org/tc-core`. */
export function isWaiterFailedError(value: unknown): value is WaiterFailedError {
  return kindOf(value) === "WaiterFailedError";
}
