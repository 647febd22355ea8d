export { ConfigurationError } from "./configuration-error.js";
export {
  isConfigurationError,
  isMalformedResponseError,
  isNetworkError,
  isRequestAbortedError,
  isSdkError,
  isTencentCloudError,
  isTimeoutError,
} from "./guards.js";
export {
  type MalformedReason,
  MalformedResponseError,
  type MalformedResponseErrorOptions,
} from "./malformed-response-error.js";
export { NetworkError, type NetworkErrorOptions } from "./network-error.js";
export { RequestAbortedError } from "./request-aborted-error.js";
export { type ErrorContext, SdkError, type SdkErrorJson, type SdkErrorOptions } from "./sdk-error.js";
export { type OpenErrorCode, TencentCloudError, type TencentCloudErrorInit } from "./tencent-cloud-error.js";
export { TimeoutError, type TimeoutErrorOptions } from "./timeout-error.js";
