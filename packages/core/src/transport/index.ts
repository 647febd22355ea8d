export { DEFAULT_MAX_RESPONSE_BYTES } from "./failures.js";
export { FetchTransport, type FetchTransportOptions } from "./fetch.js";
export { NodeHttpTransport, type NodeHttpTransportOptions } from "./node-http.js";
export type { Transport, TransportRequest, TransportResponse } from "./types.js";
