export { type EndpointOptions, parseEndpoint, type ResolvedEndpoint, resolveEndpoint } from "./resolve.js";
