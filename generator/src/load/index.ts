/**
 * The only reader of spec files: `loadSpecs` validates every file under a specs root against
 * `specs/schema` and the cross-file rules, and returns typed specs or throws listing every problem.
 */
export { type LoadedService, type LoadedSpecs, type LoadOptions, loadSpecs } from "./load-specs.js";
export { formatProblems, SpecLoadError, type SpecProblem } from "./problems.js";
export { readSpecFile } from "./read-spec-file.js";
export type { SpecFileKind } from "./schema.js";
