export { isStreamError, StreamError, type StreamErrorCode, type StreamErrorInit } from "./errors.js";
export type { OpenedStream, StreamingTransport, StreamRequest } from "./http.js";
export { invokeOrStream, type StreamCapableClient } from "./invoke-or-stream.js";
