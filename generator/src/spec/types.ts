/**
 * The spec format: TypeScript view of the JSON files under `specs/`.
 * `specs/schema/*.schema.json` is the authority every load validates against;
 * these types mirror it so importers and the loader share one vocabulary.
 */

/** A member's type. Integers carry their wire width; lists and structures nest. */
export type SpecType =
  | { kind: "string" }
  | { kind: "integer"; width: "int64" | "uint64" }
  | { kind: "float" }
  | { kind: "boolean" }
  | { kind: "list"; items: SpecType }
  | { kind: "structure"; name: string }
  /** Free-form JSON object the docs do not describe further (doc pages' `Object` without a link). */
  | { kind: "object" };

/** One field of a request, response or structure. */
export interface SpecMember {
  /** Wire name, e.g. `TaskId`. */
  name: string;
  type: SpecType;
  /** Input: the caller must send it. Output: the service always returns it. */
  required: boolean;
  /** The service may return `null` for it (`value_allowed_null`). */
  nullable: boolean;
  description: string;
  /** Example value as the docs give it (always text). */
  example?: string;
  /** Marked disabled/deprecated upstream. */
  deprecated: boolean;
}

/** A request/response sample; both sides are plain JSON (`response` is the content of `Response`). */
export interface SpecSample {
  title: string;
  description?: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

/** `specs/<service>/<version>/actions/<Name>.json` */
export interface ActionSpec {
  name: string;
  /** One line. */
  summary: string;
  description: string;
  /** Requests per second allowed by the service for this action. */
  rateLimit: number;
  /** The docs state the action is available in financial regions (`*-fsi`). */
  financialRegions: boolean;
  deprecated: boolean;
  /** Only reads state: safe to retry after a timeout or a 5xx. */
  readOnly: boolean;
  /** Whether the common parameter `Region` is required. */
  regionRequired: boolean;
  input: SpecMember[];
  /** Response members, without the common `RequestId`. */
  output: SpecMember[];
  /** Service-specific error codes this action may return (common codes are implied). */
  errors: string[];
  samples: SpecSample[];
  /** Present when the action answers with Server-Sent Events once a boolean input member is `true`. */
  stream?: StreamSpec;
}

/** How an action switches to a Server-Sent Events answer. */
export interface StreamSpec {
  /** Boolean input member that asks for the stream, e.g. `Stream`. */
  member: string;
}

/** `specs/<service>/<version>/structures/<Name>.json` */
export interface StructureSpec {
  name: string;
  description: string;
  /** Where the structure appears: in requests, responses or both. */
  usage: "input" | "output" | "both";
  members: SpecMember[];
}

/** A waiter: poll `action` with `input` until `path` reaches a success or failure value. */
export interface WaiterSpec {
  action: string;
  /** Input member that receives the tracked id, e.g. `TaskId`. */
  input: string;
  /** Output member whose value decides the state, e.g. `Status`. */
  path: string;
  success: string[];
  failure: string[];
  minDelayMs: number;
  maxDelayMs: number;
  /** Actions whose response carries `input` (e.g. a `TaskId`) that this waiter tracks. */
  trackedActions: string[];
}

/**
 * A state waiter: poll `action` with the caller's request until every value at `path` (e.g.
 * `InstanceSet[].Status`) is a `success` value; any `failure` value fails the wait.
 */
export interface StateWaiterSpec {
  kind: "state";
  action: string;
  /** Output members joined by `.`, `[]` after a list meaning every item. */
  path: string;
  success: string[];
  failure: string[];
  /** Values seen on the way, e.g. `PENDING`: documentation, and the local endpoint's simulation. */
  pending?: string[];
  minDelayMs: number;
  maxDelayMs: number;
  /** Actions after which the wait is useful, e.g. `CreateInstances`. */
  after: string[];
}

/** Either kind of waiter `service.json` declares. */
export type AnyWaiterSpec = WaiterSpec | StateWaiterSpec;

/** Whether a declared waiter is a state waiter. */
export function isStateWaiterSpec(waiter: AnyWaiterSpec): waiter is StateWaiterSpec {
  return (waiter as { kind?: unknown }).kind === "state";
}

/** A paginator over an `Offset`/`Limit` action. */
export interface PaginatorSpec {
  offset: string;
  limit: string;
  /** Output list member holding the page's items. */
  items: string;
  /** Output member with the total number of items, when the action reports it. */
  total?: string;
}

/** `service.json` `names`: generated names chosen by hand, keyed by wire name. */
export interface ChosenNames {
  /** Action name → client method name, e.g. `{ "Invoke": "invokeFunction" }`. */
  methods?: Record<string, string>;
  /** Structure name → TypeScript type name, e.g. `{ "Credentials": "StsCredentials" }`. */
  structures?: Record<string, string>;
}

/** `specs/<service>/<version>/service.json` */
export interface ServiceSpec {
  /** Signing service name and endpoint prefix, e.g. `redis`. */
  name: string;
  /** Human name, e.g. `TencentDB for Redis`. */
  title: string;
  version: string;
  endpoint: string;
  intlEndpoint: string;
  packageName: string;
  clientName: string;
  defaultRateLimit: number;
  /** Curated: the package root re-exports this version (else the newest version does). */
  default?: boolean;
  /** Curated: TypeScript names a maintainer chose where the generator's rule would pick an ugly one. */
  names?: ChosenNames;
  waiters: Record<string, AnyWaiterSpec>;
  /** Keyed by action name. */
  paginators: Record<string, PaginatorSpec>;
}

/** `specs/common/errors.json` and `specs/<service>/<version>/errors.json`: code → description. */
export interface ErrorsSpec {
  codes: Record<string, string>;
}
