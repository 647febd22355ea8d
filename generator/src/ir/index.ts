export { buildServiceIr } from "./build.js";
export type { ServiceSource, SpecsSource } from "./source.js";
export type * from "./types.js";
