export { invokeOrStream, type StreamCapableClient } from "./invoke-or-stream.js";
export { StreamError, isStreamError, type StreamErrorCode, type StreamErrorInit } from "./errors.js";
export type { OpenedStream, StreamingTransport, StreamRequest } from "./http.js";
