/**
 * Names from `@org/tc-core` that generated modules import, or that the package index re-exports
 * so users need no direct dependency on core. A spec name equal to one of these wins: generated
 * modules import the core name under an alias and the index does not re-export it (name-rule.ts).
 */
export const CORE_TYPE_REEXPORTS = [
  "CallOptions",
  "ClientOptions",
  "CredentialProvider",
  "Credentials",
  "Int64",
  "PaginateOptions",
  "Paginated",
  "UInt64",
  "WaitOptions",
] as const;

/** Values the package index re-exports from core: every error class a call can reject with, and its guard. */
export const CORE_VALUE_REEXPORTS = [
  "ConfigurationError",
  "CredentialsError",
  "MalformedResponseError",
  "NetworkError",
  "PaginationError",
  "RequestAbortedError",
  "SdkError",
  "StreamError",
  "TaskFailedError",
  "TencentCloudError",
  "TimeoutError",
  "ValidationError",
  "WaiterFailedError",
  "WaiterTimeoutError",
  "isConfigurationError",
  "isCredentialsError",
  "isMalformedResponseError",
  "isNetworkError",
  "isPaginationError",
  "isRequestAbortedError",
  "isSdkError",
  "isStreamError",
  "isTaskFailedError",
  "isTencentCloudError",
  "isTimeoutError",
  "isValidationError",
  "isWaiterFailedError",
  "isWaiterTimeoutError",
] as const;

/** Core names used only inside generated modules. */
export const CORE_INTERNAL = [
  "ActionMeta",
  "PaginatorMeta",
  "ServiceClient",
  "ServiceMeta",
  "ShapeMeta",
  "StateWaiterMeta",
  "WaiterMeta",
  "defineAction",
  "invokeOrStream",
  "paginate",
  "waitFor",
  "waitUntil",
] as const;

/** Every core name generated modules use; a spec name taking one makes it an alias (see name-rule.ts). */
export const CORE_NAMES = [...CORE_TYPE_REEXPORTS, ...CORE_VALUE_REEXPORTS, ...CORE_INTERNAL] as const;

/** One of {@link CORE_NAMES}. */
export type CoreName = (typeof CORE_NAMES)[number];

/** Module-level values every generated package defines. */
export const GENERATED_VALUES = {
  serviceMeta: "serviceMeta",
  actions: "actions",
  operations: "operations",
  samples: "samples",
  mockData: "mockData",
  startMockServer: "startMockServer",
} as const;

/** Type every generated package exports for the common codes. */
export const COMMON_ERROR_CODE = "CommonErrorCode";

/** Public members of core's `ServiceClient` that a generated method must not override. */
export const CLIENT_MEMBERS = ["clockOffsetMs", "close", "constructor", "endpoint", "invoke"] as const;

/**
 * Module-level values the standalone functions of the modular form (`operations.gen.ts`) live beside:
 * a method name equal to one takes the suffix of rule 3 in name-rule.ts.
 */
export const MODULE_VALUES = [GENERATED_VALUES.actions, GENERATED_VALUES.serviceMeta] as const;

/** Response member every action returns besides its spec output. */
export const REQUEST_ID = "RequestId";
