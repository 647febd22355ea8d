import type { ActionSpec, ErrorsSpec, ServiceSpec, StructureSpec } from "../spec/types.js";

/**
 * What the IR is built from: one loaded service version and the common error codes.
 * The loader's `LoadedService` satisfies it; the IR needs nothing else from the file system.
 */
export interface ServiceSource {
  /** Directory of the service version relative to the specs root, e.g. `redis/2018-04-12`. */
  readonly dir: string;
  readonly service: ServiceSpec;
  readonly actions: readonly ActionSpec[];
  readonly structures: readonly StructureSpec[];
  readonly errors: ErrorsSpec;
}

/** The codes every service may return (the loader's `LoadedSpecs` satisfies it). */
export interface SpecsSource {
  readonly common: ErrorsSpec;
}
