import { brand, kindOf } from "../errors/brand.js";
import { SdkError } from "../errors/index.js";

/** The id a waiter tracks, as the caller passed it (`TaskId` is a uint64: number or bigint). */
export type WaiterId = string | number | bigint;

/** What the task reported in its last status response. */
export interface TaskFailureInit {
  /** Action polled, e.g. `DescribeTaskInfo`. */
  readonly action: string;
  /** Id of the task that failed. */
  readonly taskId: WaiterId;
  /** Failure state reported, e.g. `failed`. */
  readonly status: string;
  /** The whole last status response. */
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
  /** Action polled, e.g. `DescribeTaskInfo`. */
  readonly action: string;
  /** The task waited for; absent for a state waiter, which names `waiter` instead. */
  readonly taskId?: WaiterId;
  /** The state waiter that ran out of time, e.g. `InstanceRunning`. */
  readonly waiter?: string;
  /** The limit that ran out, in ms. */
  readonly timeoutMs: number;
  /** Status requests made. */
  readonly polls: number;
  /** Last status seen, `undefined` if no poll completed. */
  readonly status: string | undefined;
  /** Last status response, `undefined` if no poll completed. */
  readonly response: object | undefined;
}

/**
 * The task (or, for a state waiter, the resource) had not reached a final state after `timeoutMs`.
 * It may still get there.
 */
export class WaiterTimeoutError extends SdkError {
  /** Id of the task waited for; `undefined` for a state waiter (see {@link WaiterTimeoutError.waiter}). */
  readonly taskId: WaiterId | undefined;
  /** Name of the state waiter that ran out of time, e.g. `InstanceRunning`; `undefined` for a task. */
  readonly waiter: string | undefined;
  /** The limit that ran out, in ms. */
  readonly timeoutMs: number;
  /** Status requests made. */
  readonly polls: number;
  /** Last status seen, `undefined` if no poll completed. */
  readonly lastStatus: string | undefined;
  /** Last status response. */
  readonly lastResponse: object | undefined;

  constructor(init: WaiterTimeoutInit) {
    const subject =
      init.taskId === undefined
        ? `${init.action} did not reach ${init.waiter ?? "the awaited state"}`
        : `Task ${String(init.taskId)} did not finish`;
    super(
      `${subject} within ${init.timeoutMs} ms` +
        (init.status === undefined ? "" : ` (last status "${init.status}" after ${init.polls} polls)`),
      { action: init.action },
    );
    this.taskId = init.taskId;
    this.waiter = init.waiter;
    this.timeoutMs = init.timeoutMs;
    this.polls = init.polls;
    this.lastStatus = init.status;
    this.lastResponse = init.response;
  }

  protected override details(): Record<string, unknown> {
    return {
      taskId: this.taskId === undefined ? undefined : String(this.taskId),
      waiter: this.waiter,
      timeoutMs: this.timeoutMs,
      polls: this.polls,
      lastStatus: this.lastStatus,
    };
  }
}
brand(WaiterTimeoutError, "WaiterTimeoutError");

/** True for a {@link TaskFailedError} from any copy of `@org/tc-core`. */
export function isTaskFailedError(value: unknown): value is TaskFailedError {
  return kindOf(value) === "TaskFailedError";
}

/** True for a {@link WaiterTimeoutError} from any copy of `@org/tc-core`. */
export function isWaiterTimeoutError(value: unknown): value is WaiterTimeoutError {
  return kindOf(value) === "WaiterTimeoutError";
}
