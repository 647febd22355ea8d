// @ts-nocheck
export { SdkError, type ErrorContext, type SdkErrorOptions, type SdkErrorJson } from "./sdk-error.js";
export { TencentCloudError, type TencentCloudErrorInit } from "./tencent-cloud-error.js";
export { NetworkError, type NetworkErrorOptions } from "./network-error.js";
export { TimeoutError, type TimeoutErrorOptions } from "./timeout-error.js";
export { RequestAbortedError } from "./request-aborted-error.js";
export {
  MalformedResponseError,
  type MalformedReason,
  type MalformedResponseErrorOptions,
} from "./malformed-response-error.js";
export { ConfigurationError } from "./configuration-error.js";
export {
  isSdkError,
  isTencentCloudError,
  isNetworkError,
  isTimeoutError,
  isRequestAbortedError,
  isMalformedResponseError,
  isConfigurationError,
} from "./guards.js";
