/**
 * The intermediate representation emitters read: one normalized, sorted,
 * fully resolved view of a service, with every TypeScript identifier chosen.
 * Nothing here refers back to spec files except through `file` for messages.
 */
import type { CoreName } from "./reserved.js";

/** A member's type with structure references resolved to their TypeScript names. */
export type IrType =
  | { readonly kind: "string" }
  | { readonly kind: "int64" }
  | { readonly kind: "uint64" }
  | { readonly kind: "float" }
  | { readonly kind: "boolean" }
  | { readonly kind: "object" }
  | { readonly kind: "list"; readonly items: IrType }
  | { readonly kind: "structure"; readonly name: string; readonly typeName: string };

/** One property of a request, response or structure. */
export interface IrMember {
  /** Wire name, also the property name (wire names are valid identifiers by schema). */
  readonly name: string;
  readonly type: IrType;
  /** Input: must be sent. Output: always present. */
  readonly required: boolean;
  readonly nullable: boolean;
  readonly description: string;
  readonly example?: string;
  readonly deprecated: boolean;
}

/** A shared structure (`structures/<Name>.json`). */
export interface IrStructure {
  readonly name: string;
  readonly typeName: string;
  readonly description: string;
  readonly usage: "input" | "output" | "both";
  readonly members: readonly IrMember[];
  /** Spec file relative to the service directory, for messages and headers. */
  readonly file: string;
}

/** An error code with its description. */
export interface IrErrorCode {
  readonly code: string;
  readonly description: string;
}

/** A request/response sample; `response` is the content of `Response`. */
export interface IrSample {
  readonly title: string;
  readonly description?: string;
  readonly request: Readonly<Record<string, unknown>>;
  readonly response: Readonly<Record<string, unknown>>;
}

/** Offset/limit pagination over one action. */
export interface IrPaginator {
  /** Client method, e.g. `paginateDescribeInstances`. */
  readonly methodName: string;
  /** Identifier of the exported metadata constant, e.g. `describeInstancesPaginator`. */
  readonly metaName: string;
  readonly offset: string;
  readonly limit: string;
  readonly items: string;
  /** Element type of the `items` list. */
  readonly itemType: IrType;
  readonly total?: string;
}

/** A waiter polling one action until a member reaches a final value. */
export interface IrWaiter {
  /** Spec key, e.g. `TaskDone`. */
  readonly name: string;
  /** Client method, e.g. `waitForTask`. */
  readonly methodName: string;
  /** Identifier of the exported metadata constant, e.g. `taskDoneWaiter`. */
  readonly metaName: string;
  /** Type of what the method accepts: an id or a tracked response, e.g. `TaskDoneTarget`. */
  readonly targetTypeName: string;
  /** Polled action (wire name). */
  readonly action: string;
  readonly input: string;
  readonly inputType: IrType;
  readonly path: string;
  readonly success: readonly string[];
  readonly failure: readonly string[];
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  /** Wire names of actions whose response carries `input`, sorted. */
  readonly trackedActions: readonly string[];
}

/** One API action with every generated name chosen. */
export interface IrAction {
  readonly name: string;
  /** camelCase client method and key of the action metadata, e.g. `describeTaskInfo`. */
  readonly methodName: string;
  readonly requestType: string;
  readonly responseType: string;
  readonly errorCodeType: string;
  readonly summary: string;
  readonly description: string;
  readonly rateLimit: number;
  readonly readOnly: boolean;
  readonly deprecated: boolean;
  readonly financialRegions: boolean;
  readonly regionRequired: boolean;
  readonly input: readonly IrMember[];
  readonly output: readonly IrMember[];
  /** Service-specific codes, sorted; common codes are implied. */
  readonly errors: readonly IrErrorCode[];
  readonly samples: readonly IrSample[];
  readonly paginator?: IrPaginator;
  /** Waiters that track the task this action starts, e.g. `["waitForTask"]`. */
  readonly trackedBy: readonly string[];
  /** Spec file relative to the service directory. */
  readonly file: string;
}

/** Service-wide generated names. */
export interface IrNames {
  /** e.g. `Redis`: prefix of service-wide names. */
  readonly prefix: string;
  readonly client: string;
  /** The bare client of the modular form, e.g. `RedisBaseClient`: options and transport, no action methods. */
  readonly baseClient: string;
  readonly serviceErrorCode: string;
  readonly errorGuard: string;
  /** Map type from method name to its error-code union. */
  readonly actionErrorCodes: string;
  /** Type of a service error narrowed to some codes. */
  readonly errorType: string;
  /** Bin of the testing entry, e.g. `tc-redis-mock`. */
  readonly mockBin: string;
}

/** One service version, ready to emit. */
export interface IrService {
  /** Service directory relative to the specs root, POSIX separators, e.g. `redis/2018-04-12`. */
  readonly specPath: string;
  /** sha256 (hex) of the service's canonical spec content, including the common error codes. */
  readonly contentHash: string;
  readonly name: string;
  readonly title: string;
  readonly version: string;
  /** service.json marks this version as the one the package root re-exports. */
  readonly isDefault: boolean;
  readonly endpoint: string;
  readonly intlEndpoint: string;
  readonly packageName: string;
  readonly defaultRateLimit: number;
  readonly names: IrNames;
  /**
   * Local name of every core export generated modules use: the name itself, or its private alias
   * `_<Name>` when a spec name took it (rule 1 in `name-rule.ts`).
   */
  readonly core: Readonly<Record<CoreName, string>>;
  /** Sorted by wire name. */
  readonly actions: readonly IrAction[];
  /** Sorted by name. */
  readonly structures: readonly IrStructure[];
  /** Sorted by code. */
  readonly commonErrors: readonly IrErrorCode[];
  /** Sorted by code. */
  readonly serviceErrors: readonly IrErrorCode[];
  /** Sorted by name. */
  readonly waiters: readonly IrWaiter[];
  /** State waiters, sorted by name. */
  readonly stateWaiters: readonly IrStateWaiter[];
  /** Streaming actions by wire name. */
  readonly streams: Readonly<Record<string, IrStream>>;
}

/** A state waiter: polls an action with the caller's request until every value at a path is a success value. */
export interface IrStateWaiter {
  /** Spec key, e.g. `InstanceRunning`. */
  readonly name: string;
  /** Client method, `waitUntil<Name>`, e.g. `waitUntilInstanceRunning`. */
  readonly methodName: string;
  /** Identifier of the exported metadata constant, e.g. `instanceRunningWaiter`. */
  readonly metaName: string;
  /** Polled action (wire name). */
  readonly action: string;
  /** e.g. `InstanceSet[].Status`. */
  readonly path: string;
  /** JSON type of the value at `path`, so the local endpoint writes simulated states correctly. */
  readonly valueKind: "string" | "number" | "boolean";
  readonly success: readonly string[];
  readonly failure: readonly string[];
  /** Values seen on the way (may be empty). */
  readonly pending: readonly string[];
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  /** Wire names of the actions after which to wait, in spec order. */
  readonly after: readonly string[];
}

/** Streaming of one action: Server-Sent Events when a boolean input member is `true`. */
export interface IrStream {
  /** The input member switching the stream on, e.g. `Stream`. */
  readonly member: string;
  /** Type alias of one event, e.g. `ChatTranslationsEvent`. */
  readonly eventType: string;
}
