/**
 * Data that generated service packages hand to the runtime. Generated code is
 * this data plus one call per method; every behaviour is decided here in core.
 */

/**
 * Compact type code of one member, interpreted by the validator and the JSON layer:
 * `s` string, `i` int64, `u` uint64, `f` float, `b` boolean, `o` free-form object,
 * `[` + code for a list (e.g. `[s`, `[#Filter`), `#Name` a structure in the same shape table
 * ({@link ActionMeta.shapes}, else {@link ServiceMeta.shapes}).
 * A leading `!` marks a required input member (e.g. `!u`).
 */
export type TypeCode = string;

/** Members of one request shape or structure: wire name → {@link TypeCode}. */
export type ShapeMeta = Readonly<Record<string, TypeCode>>;

/** Shapes by name: a request shape and the structures its `#Name` codes refer to. */
export type ShapeTable = Readonly<Record<string, ShapeMeta>>;

/** What the runtime needs to know about one action. */
export interface ActionMeta {
  /** Wire name, e.g. `DescribeTaskInfo`. */
  readonly name: string;
  /** Requests per second the service allows for this action. */
  readonly rateLimit: number;
  /** Only reads state, so it may be retried after a timeout, a 5xx or a reset. */
  readonly readOnly: boolean;
  /** Key of the request shape in {@link ActionMeta.shapes}, else in {@link ServiceMeta.shapes}. */
  readonly input: string;
  /**
   * The action needs `X-TC-Region`: a client without `region` fails before sending with a
   * `ConfigurationError` instead of the server's `MissingParameter` after a round trip.
   */
  readonly regionRequired?: boolean;
  /**
   * This action's request shape and every structure it reaches, by name. Generated packages set it,
   * so an action carries its own validation data and a bundle of one call holds that action's shapes
   * only; when absent, the service's table is used.
   */
  readonly shapes?: ShapeTable;
}

/** What the runtime needs to know about one service version. */
export interface ServiceMeta {
  /** Signing service name, e.g. `redis`. Never derived from the endpoint host. */
  readonly service: string;
  /** API version, e.g. `2018-04-12`. */
  readonly version: string;
  /** Default host, e.g. `redis.tencentcloudapi.com`. */
  readonly endpoint: string;
  /** International-site host, e.g. `redis.intl.tencentcloudapi.com`. */
  readonly intlEndpoint: string;
  /**
   * Request shapes and the structures they reference, by name, for actions without their own
   * {@link ActionMeta.shapes} (hand-written metadata such as STS's). Generated packages leave it out.
   */
  readonly shapes?: ShapeTable;
}

/** A waiter declared in the spec, e.g. Redis `TaskDone`. */
export interface WaiterMeta {
  /** Action polled, e.g. `DescribeTaskInfo`. */
  readonly action: ActionMeta;
  /** Input member receiving the tracked id, e.g. `TaskId`. */
  readonly input: string;
  /** Output member holding the state, e.g. `Status`. */
  readonly path: string;
  /** States meaning the task is done, e.g. `succeed`. */
  readonly success: readonly string[];
  /** States meaning the task failed, e.g. `failed`: the waiter rejects with a `TaskFailedError`. */
  readonly failure: readonly string[];
  /** First delay between polls, in ms; the delay grows from here. */
  readonly minDelayMs: number;
  /** Longest delay between polls, in ms. */
  readonly maxDelayMs: number;
}

/** A paginator declared in the spec for an `Offset`/`Limit` action. */
export interface PaginatorMeta {
  /** Action called for each page. */
  readonly action: ActionMeta;
  /** Input member holding the start offset, e.g. `Offset`. */
  readonly offset: string;
  /** Input member holding the page size, e.g. `Limit`. */
  readonly limit: string;
  /** Output list member with the page's items. */
  readonly items: string;
  /** Output member with the total count, when the action reports one. */
  readonly total?: string;
}

/**
 * A state waiter declared in the spec, e.g. Redis `InstanceRunning`: poll an action with the caller's
 * request until the values at `path` are all success values.
 */
export interface StateWaiterMeta {
  /** Spec name, e.g. `InstanceRunning`; shown in errors. */
  readonly name: string;
  /** Action polled, e.g. `DescribeInstances`. */
  readonly action: ActionMeta;
  /**
   * Where the state is in the response: member names joined by `.`, a `[]` after a list member
   * meaning "every item", e.g. `InstanceSet[].Status`.
   */
  readonly path: string;
  /** Done once every value at `path` is one of these (compared as text, case-insensitively). */
  readonly success: readonly string[];
  /** Fails as soon as any value at `path` is one of these. */
  readonly failure: readonly string[];
  /** First delay between two polls, in ms. */
  readonly minDelayMs: number;
  /** Longest delay between two polls, in ms: delays grow from `minDelayMs` up to this. */
  readonly maxDelayMs: number;
}
