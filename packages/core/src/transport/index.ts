export type { Transport, TransportRequest, TransportResponse } from "./types.js";
export { NodeHttpTransport, type NodeHttpTransportOptions } from "./node-http.js";
export { FetchTransport, type FetchTransportOptions } from "./fetch.js";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./failures.js";
