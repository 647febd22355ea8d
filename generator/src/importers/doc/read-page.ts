import { type ActionPage, looksLikeActionPage, readActionPage } from "./action-page.js";
import { type ErrorCodesPage, looksLikeErrorCodesPage, readErrorCodesPage } from "./errors-page.js";
import { parseMarkdown } from "./markdown.js";
import type { ProblemLog } from "./problems.js";
import { looksLikeStructuresPage, readStructuresPage, type StructuresPage } from "./structures-page.js";

/** Any page the doc importer understands. */
export type DocPage = ActionPage | StructuresPage | ErrorCodesPage;

/**
 * Reads one page, deciding its kind from its content (an action's sections, error-code tables,
 * or structure tables) rather than its file name. Problems go to `log`; `undefined` means the page
 * is unusable.
 */
export function readDocPage(file: string, source: string, log: ProblemLog): DocPage | undefined {
  const page = parseMarkdown(source);
  for (const fault of page.faults) log.error(file, fault.line, fault.message);
  if (looksLikeActionPage(page)) return readActionPage(page, file, log);
  if (looksLikeErrorCodesPage(page)) return readErrorCodesPage(page, file, log);
  if (looksLikeStructuresPage(page)) return readStructuresPage(page, file, log);
  log.error(
    file,
    1,
    "not an API reference page, a data-structures page or an error-code page (no sections this importer knows)",
  );
  return undefined;
}
