export { isStreamError, StreamError, type StreamErrorCode, type StreamErrorInit } from "./errors.js";
export type { OpenedStream, StreamingTransport, StreamRequest } from "./http.js";
export { invokeOrStream } from "./invoke-or-stream.js";
export { invokeStream } from "./invoke-stream.js";
