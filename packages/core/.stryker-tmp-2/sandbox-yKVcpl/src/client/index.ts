// @ts-nocheck
export { ServiceClient } from "./service-client.js";
export type { ClientOptions, CallOptions, RetryOptions, RateLimitOptions } from "./options.js";
export type { Hooks, AttemptInfo, BeforeAttemptEvent, AfterAttemptEvent } from "./hooks.js";
export { stderrLogger, DEBUG_NAMESPACE, type Logger } from "./logger.js";
export { REDACTED } from "./redact.js";
