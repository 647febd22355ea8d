export { CommonClient, type CommonClientOptions, type ServiceMetadata } from "./common-client.js";
export { isReservedHeader, TRACE_ID_HEADER } from "./headers.js";
export type { AfterAttemptEvent, AttemptInfo, BeforeAttemptEvent, Hooks } from "./hooks.js";
export { DEBUG_NAMESPACE, type Logger, stderrLogger } from "./logger.js";
export type { Middleware, MiddlewareNext, MiddlewareRequest, MiddlewareResponse } from "./middleware.js";
export type { CallOptions, ClientOptions, RateLimitOptions, RetryOptions } from "./options.js";
export { REDACTED } from "./redact.js";
export { ServiceClient } from "./service-client.js";
