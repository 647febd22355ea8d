import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServiceSource, SpecsSource } from "../../src/ir/index.js";
import type { ActionSpec, ErrorsSpec, ServiceSpec, StructureSpec } from "../../src/spec/types.js";

/** Specs root of the generator's own fixture services. */
export const FIXTURE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/services");

/** A mutable copy of the kettle fixture, read without the loader so IR tests can edit it freely. */
export interface MutableFixture {
  specs: SpecsSource & { common: ErrorsSpec };
  source: ServiceSource & {
    service: ServiceSpec;
    actions: ActionSpec[];
    structures: StructureSpec[];
    errors: ErrorsSpec;
  };
}

export function kettleFixture(): MutableFixture {
  const dir = "kettle/2021-03-01";
  const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(FIXTURE_ROOT, dir, file), "utf8")) as T;
  const all = <T>(sub: string): T[] =>
    readdirSync(path.join(FIXTURE_ROOT, dir, sub))
      .sort()
      .map((f) => read<T>(`${sub}/${f}`));
  return {
    specs: { common: JSON.parse(readFileSync(path.join(FIXTURE_ROOT, "common/errors.json"), "utf8")) as ErrorsSpec },
    source: {
      dir,
      service: read<ServiceSpec>("service.json"),
      actions: all<ActionSpec>("actions"),
      structures: all<StructureSpec>("structures"),
      errors: read<ErrorsSpec>("errors.json"),
    },
  };
}
