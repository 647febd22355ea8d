import type { Credentials } from "../credentials/types.js";
import type { ActionMeta, PaginatorMeta, ServiceMeta, StateWaiterMeta, WaiterMeta } from "../meta.js";

/** One recorded exchange from a spec: request members and the content of `Response`. */
export interface MockSample {
  readonly request: Readonly<Record<string, unknown>>;
  readonly response: Readonly<Record<string, unknown>>;
}

/** An action as the local endpoint sees it. */
export interface MockActionData extends ActionMeta {
  /** Answer `MissingParameter` when the request carries no `X-TC-Region`, as the real service does. */
  readonly regionRequired?: boolean;
}

/** How the local endpoint simulates asynchronous tasks. */
export interface MockTaskData {
  /** The waiter polling tasks, e.g. Redis `TaskDone` on `DescribeTaskInfo` (`TaskId` → `Status`). */
  readonly waiter: WaiterMeta;
  /** Actions whose response carries a fresh task id in the waiter's input member. */
  readonly trackedActions: readonly string[];
  /** States a task passes through before its outcome; default `["preparing", "running"]`. */
  readonly pendingStates?: readonly string[];
}

/** How the local endpoint simulates one state waiter (e.g. instances becoming running). */
export interface MockStateData {
  /** The waiter, e.g. Redis `InstanceRunning` on `DescribeInstances` (`InstanceSet[].Status`). */
  readonly waiter: StateWaiterMeta;
  /** Actions that create resources (fresh ids in their answer) or move the resources they name. */
  readonly after: readonly string[];
  /** States on the way; the first is where a created or moved resource starts. */
  readonly pending: readonly string[];
  /** JSON type of the state value. */
  readonly valueKind: "string" | "number" | "boolean";
}

/** What a generated package hands the local endpoint: its metadata and its spec samples. */
export interface MockServiceData {
  readonly meta: ServiceMeta;
  /** Every action, by wire name. */
  readonly actions: Readonly<Record<string, MockActionData>>;
  /** Samples by action name; the first whose request best matches the call is answered. */
  readonly samples: Readonly<Record<string, readonly MockSample[]>>;
  /** Task simulation; without it, task-returning actions answer their sample's id. */
  readonly task?: MockTaskData;
  /** Paginated actions by name: their answers are sliced by offset and limit from a fixed collection. */
  readonly paginators?: Readonly<Record<string, PaginatorMeta>>;
  /** State waiters to simulate. */
  readonly states?: readonly MockStateData[];
  /** Items of list actions synthesised from member examples, used when no sample has items. */
  readonly defaultItems?: Readonly<Record<string, readonly object[]>>;
  /** Answers synthesised from member examples for actions without a sample (streaming actions, so they stream something). */
  readonly defaultAnswers?: Readonly<Record<string, object>>;
  /** Streaming actions: wire name → the boolean request member that asks for Server-Sent Events. */
  readonly streams?: Readonly<Record<string, string>>;
}

/** Items of list actions by action name; generated packages narrow it per action (e.g. `RedisCollections`). */
export type MockCollections = Readonly<Record<string, readonly unknown[]>>;

/** Options of `startMockServer`; `C` types `collections` per list action. */
export interface MockServerOptions<C extends object = MockCollections> {
  /** Port to listen on; default 0 (any free port). */
  readonly port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Accepted key pairs; default one random pair, exposed as `credentials`. */
  readonly credentials?: Credentials | readonly Credentials[];
  /** Time from a task's creation to its outcome, in ms; default 2000. */
  readonly taskDurationMs?: number;
  /** Outcome of every task, unless changed per task with `tasks.failNext()`; default `succeed`. */
  readonly taskOutcome?: "succeed" | "failed";
  /** Enforce each action's spec rate limit per second, answering `RequestLimitExceeded` above it. */
  readonly enforceRateLimits?: boolean;
  /**
   * Items of list (paginated) actions by action name. Default: the items of the action's samples,
   * else items synthesised from the spec's member examples.
   */
  readonly collections?: { readonly [A in keyof C]?: C[A] };
  /** Time from a create (or start/stop) call to the awaited state of a state waiter, in ms; default `taskDurationMs`. */
  readonly stateDurationMs?: number;
  /**
   * Events to stream for streaming actions called with their stream member `true`, by action name.
   * Default: the sample answer three times, its streamed text (prose inside a list first, e.g. a choice's
   * delta, never an id) split between them.
   */
  readonly streamEvents?: Readonly<Record<string, readonly object[]>>;
  /**
   * Clock in ms since the epoch, for signature expiry, tasks and rate limits; default `Date.now`.
   * A client talking to a server with a fake clock must sign with the same clock (`ClientOptions.now`).
   */
  readonly now?: () => number;
}

/** A simulated task. */
export interface MockTask {
  /** Task id, as returned in the waiter's input member (e.g. `TaskId`). */
  readonly id: number;
  /** Action that started it. */
  readonly action: string;
  /** Instance named by the starting request (`InstanceId`, or the first of `InstanceIds`). */
  readonly instanceId: string | undefined;
  /** Creation time on the server clock, in ms. */
  readonly createdAt: number;
  /** Time from creation to the outcome, in ms. */
  readonly durationMs: number;
  /** Final state the task reaches. */
  readonly outcome: "succeed" | "failed";
  /** Reported as `TaskMessage` once the task failed. */
  readonly message: string;
  /** State now, on the server clock. */
  readonly status: string;
}

/** Tasks of a running local endpoint. */
export interface MockTasks {
  /** Every task created so far, with its current status. */
  list(): MockTask[];
  /** One task with its current status. */
  get(id: number): MockTask | undefined;
  /** Starts a task without calling an action, e.g. to test a waiter in isolation. */
  create(options?: {
    action?: string;
    instanceId?: string;
    outcome?: "succeed" | "failed";
    durationMs?: number;
  }): MockTask;
  /** Makes the next task created end `failed` with `message`. */
  failNext(message?: string): void;
}

/** One request the server received, after authentication was attempted. Holds no credentials. */
export interface MockRequestRecord {
  /** `X-TC-Action`, or `""` when absent. */
  readonly action: string;
  /** `X-TC-Region`, when sent. */
  readonly region: string | undefined;
  /** Parsed body, `undefined` when it was not JSON. */
  readonly request: unknown;
  /** `RequestId` answered. */
  readonly requestId: string;
  /** Error code answered, `undefined` on success. */
  readonly errorCode: string | undefined;
  /** Server clock at arrival, in ms. */
  readonly receivedAt: number;
}

/** A running local endpoint. */
export interface MockServer {
  /** Origin to pass as the client's `endpoint`, e.g. `http://127.0.0.1:53211`. */
  readonly endpoint: string;
  /** Port listened on. */
  readonly port: number;
  /** The first accepted key pair. */
  readonly credentials: Credentials;
  /** Every request received so far, oldest first. */
  readonly requests: readonly MockRequestRecord[];
  /** The simulated tasks. */
  readonly tasks: MockTasks;
  /** Answers the next call of `action` with this error (queue: call twice to fail twice). */
  failNext(action: string, code: string, message?: string): void;
  /** Limits `action` to `requestsPerSecond` (answering `RequestLimitExceeded` above it); `undefined` removes the limit. */
  rateLimit(action: string, requestsPerSecond: number | undefined): void;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}
