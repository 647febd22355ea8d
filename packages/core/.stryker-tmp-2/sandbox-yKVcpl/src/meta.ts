/**
 * Data that generated service packages hand to the runtime. Generated code is
 * this data plus one call per method; every behaviour is decided here in core.
 */
// @ts-nocheck


/**
 * Compact type code of one member, interpreted by the validator and the JSON layer:
 * `s` string, `i` int64, `u` uint64, `f` float, `b` boolean, `o` free-form object,
 * `[` + code for a list (e.g. `[s`, `[#Filter`), `#Name` a structure in {@link ServiceMeta.shapes}.
 * A leading `!` marks a required input member (e.g. `!u`).
 */
export type TypeCode = string;

/** Members of one request shape or structure: wire name → {@link TypeCode}. */
export type ShapeMeta = Readonly<Record<string, TypeCode>>;

/** What the runtime needs to know about one action. */
export interface ActionMeta {
  /** Wire name, e.g. `DescribeTaskInfo`. */
  readonly name: string;
  /** Requests per second the service allows for this action. */
  readonly rateLimit: number;
  /** Only reads state, so it may be retried after a timeout, a 5xx or a reset. */
  readonly readOnly: boolean;
  /** Key of the request shape in {@link ServiceMeta.shapes}. */
  readonly input: string;
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
  /** Request shapes and the structures they reference, by name. */
  readonly shapes: Readonly<Record<string, ShapeMeta>>;
}

/** A waiter declared in the spec, e.g. Redis `TaskDone`. */
export interface WaiterMeta {
  /** Action polled, e.g. `DescribeTaskInfo`. */
  readonly action: ActionMeta;
  /** Input member receiving the tracked id, e.g. `TaskId`. */
  readonly input: string;
  /** Output member holding the state, e.g. `Status`. */
  readonly path: string;
  readonly success: readonly string[];
  readonly failure: readonly string[];
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
}

/** A paginator declared in the spec for an `Offset`/`Limit` action. */
export interface PaginatorMeta {
  readonly action: ActionMeta;
  readonly offset: string;
  readonly limit: string;
  /** Output list member with the page's items. */
  readonly items: string;
  /** Output member with the total count, when the action reports one. */
  readonly total?: string;
}
