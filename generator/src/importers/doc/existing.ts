import path from "node:path";
import { readSpecFile, SpecLoadError } from "../../load/index.js";
import type { StructureSpec } from "../../spec/types.js";
import type { ProblemLog } from "./problems.js";

/**
 * A few pages see only some of a structure's uses: a structure the committed spec marks `both`
 * must not become `output` because the imported page happens to read it. Usage is therefore the
 * union of what the pages show and what the spec under `out` already says.
 */
export async function mergeExistingUsage(
  structures: readonly StructureSpec[],
  out: string,
  base: string,
  log: ProblemLog,
): Promise<StructureSpec[]> {
  const merged: StructureSpec[] = [];
  for (const spec of structures) {
    const file = path.join(out, base, "structures", `${spec.name}.json`);
    let existing: StructureSpec | undefined;
    try {
      existing = await readSpecFile<StructureSpec>(file, "structure");
    } catch (err) {
      if (!(err instanceof SpecLoadError)) throw err;
      log.warn(
        file,
        1,
        `existing spec is not valid, so its usage is not kept: ${err.problems.map((p) => p.message).join("; ")}`,
      );
    }
    merged.push(!existing || existing.usage === spec.usage ? spec : { ...spec, usage: "both" });
  }
  return merged;
}
