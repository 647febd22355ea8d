// @ts-nocheck
export { resolveEndpoint, parseEndpoint, type ResolvedEndpoint, type EndpointOptions } from "./resolve.js";
