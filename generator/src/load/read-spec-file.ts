import { SpecLoadError } from "./problems.js";
import { readJsonFile } from "./read-json.js";
import { loadValidators, type SpecFileKind, schemaProblems } from "./schema.js";

/**
 * Reads and schema-validates a single spec file, for importers that keep hand-curated fields of
 * committed specs. Returns `undefined` when the file does not exist; throws {@link SpecLoadError}
 * when it is not valid. Cross-file rules are `loadSpecs`'s job.
 */
export async function readSpecFile<T>(
  absolute: string,
  kind: SpecFileKind,
  shownAs: string = absolute,
): Promise<T | undefined> {
  const result = await readJsonFile(absolute, shownAs);
  if (!result.ok) {
    if (result.missing) return undefined;
    throw new SpecLoadError([result.problem]);
  }
  const problems = schemaProblems((await loadValidators())[kind], result.value, shownAs);
  if (problems.length > 0) throw new SpecLoadError(problems);
  return result.value as T;
}
