import type { ImportSpecifierStructure, OptionalKind } from "ts-morph";
import type { IrService } from "../ir/index.js";
import type { CoreName } from "../ir/reserved.js";

/**
 * Import specifiers for core names, each under the local name the IR chose: `Int64`, or
 * `Int64 as _Int64` when a spec structure is called `Int64` (rule 1 in `ir/name-rule.ts`).
 */
export function coreSpecifiers(
  ir: IrService,
  names: readonly CoreName[],
  isTypeOnly = false,
): OptionalKind<ImportSpecifierStructure>[] {
  return [...new Set(names)].sort().map((name) => {
    const local = ir.core[name];
    return { name, ...(local !== name ? { alias: local } : {}), ...(isTypeOnly ? { isTypeOnly: true } : {}) };
  });
}
