// @ts-nocheck
import { brand, kindOf } from "../errors/brand.js";
import { SdkError } from "../errors/index.js";

/** The id a waiter tracks, as the caller passed it (`TaskId` is a uint64: number or bigint). */
export type WaiterId = string | number | bigint;

/** What the task reported in its last status response. */
export interface TaskFailureInit {
  readonly action: string;
  readonly taskId: WaiterId;
  readonly status: string;
  readonly response: object;
}

/**
 * The tracked task ended in a failure state (e.g. `failed`). The poll itself succeeded: this is the
 * task's outcome, not a transport or API error, so it is never retried.
 */
export class TaskFailedError extends SdkError {
  /** Id of the task that failed. */
  readonly taskId: WaiterId;
  /** Failure state reported, e.g. `failed`. */
  readonly status: string;
  /** The service's explanation (`TaskMessage`), when it gave one. */
  readonly taskMessage: string | undefined;
  /** Kind of task (`TaskType`), e.g. `Clear Instance`. */
  readonly taskType: string | undefined;
  /** Instance the task ran on (`InstanceId`). */
  readonly instanceId: string | undefined;
  /** `RequestId` of the poll that saw the failure. */
  readonly requestId: string | undefined;
  /** The whole last status response. */
  readonly response: object;

  constructor(init: TaskFailureInit) {
    const field = (name: string): string | undefined => {
      const value = (init.response as Record<string, unknown>)[name];
      return typeof value === "string" && value !== "" ? value : undefined;
    };
    const taskMessage = field("TaskMessage");
    const taskType = field("TaskType");
    const instanceId = field("InstanceId");
    const requestId = field("RequestId");
    const about = [taskType, instanceId && `on ${instanceId}`].filter(Boolean).join(" ");
    super(
      `Task ${String(init.taskId)}${about ? ` (${about})` : ""} ended with status "${init.status}"` +
        `${taskMessage ? `: ${taskMessage}` : ""}${requestId ? ` (RequestId ${requestId})` : ""}`,
      { action: init.action },
    );
    this.taskId = init.taskId;
    this.status = init.status;
    this.taskMessage = taskMessage;
    this.taskType = taskType;
    this.instanceId = instanceId;
    this.requestId = requestId;
    this.response = init.response;
  }

  protected override details(): Record<string, unknown> {
    return {
      taskId: String(this.taskId),
      status: this.status,
      taskMessage: this.taskMessage,
      taskType: this.taskType,
      instanceId: this.instanceId,
      requestId: this.requestId,
    };
  }
}
brand(TaskFailedError, "TaskFailedError");

/** What the waiter knew when its time ran out. */
export interface WaiterTimeoutInit {
  readonly action: string;
  readonly taskId: WaiterId;
  readonly timeoutMs: number;
  readonly polls: number;
  readonly status: string | undefined;
  readonly response: object | undefined;
}

/** The task had not reached a final state after `timeoutMs`. The task itself may still finish. */
export class WaiterTimeoutError extends SdkError {
  /** Id of the task waited for. */
  readonly taskId: WaiterId;
  /** The limit that ran out, in ms. */
  readonly timeoutMs: number;
  /** Status requests made. */
  readonly polls: number;
  /** Last status seen, `undefined` if no poll completed. */
  readonly lastStatus: string | undefined;
  /** Last status response. */
  readonly lastResponse: object | undefined;

  constructor(init: WaiterTimeoutInit) {
    super(
      `Task ${String(init.taskId)} did not finish within ${init.timeoutMs} ms` +
        (init.status === undefined ? "" : ` (last status "${init.status}" after ${init.polls} polls)`),
      { action: init.action },
    );
    this.taskId = init.taskId;
    this.timeoutMs = init.timeoutMs;
    this.polls = init.polls;
    this.lastStatus = init.status;
    this.lastResponse = init.response;
  }

  protected override details(): Record<string, unknown> {
    return { taskId: String(this.taskId), timeoutMs: this.timeoutMs, polls: this.polls, lastStatus: this.lastStatus };
  }
}
brand(WaiterTimeoutError, "WaiterTimeoutError");

/** True for a {@link TaskFailedError} from any copy of `@org/tc-core`. */
export function isTaskFailedError(value: unknown): value is TaskFailedError {
  return kindOf(value) === ("TaskFailedError");
}

/** True for a {@link WaiterTimeoutError} from any copy of `@org/tc-core`. */
export function isWaiterTimeoutError(value: unknown): value is WaiterTimeoutError {
  return kindOf(value) === ("WaiterTimeoutError");
}
