export { JsonSyntaxError, parseJson } from "./parse.js";
export { stringifyJson } from "./stringify.js";
export type { Int64, UInt64 } from "./types.js";
