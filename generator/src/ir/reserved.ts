/**
 * Names the generated modules take from `@org/tc-core` or define themselves besides
 * the per-action and per-structure types. A spec name equal to one of these would
 * shadow or clash with it, so the IR reports it as a collision.
 */
export const CORE_NAMES = [
  "ActionMeta",
  "CallOptions",
  "ClientOptions",
  "Int64",
  "PaginateOptions",
  "Paginated",
  "PaginatorMeta",
  "ServiceClient",
  "ServiceMeta",
  "TencentCloudError",
  "WaitOptions",
  "WaiterMeta",
  "isTencentCloudError",
  "paginate",
  "waitFor",
] as const;

/** Module-level values every generated package defines. */
export const GENERATED_VALUES = {
  serviceMeta: "serviceMeta",
  actions: "actions",
  samples: "samples",
  mockData: "mockData",
} as const;

/** Type every generated package exports for the common codes. */
export const COMMON_ERROR_CODE = "CommonErrorCode";

/** Members of the core `ServiceClient` base class a generated method must not override. */
export const CLIENT_MEMBERS = ["constructor", "invoke", "meta", "options", "close", "destroy"] as const;
