import { ERROR_CODE } from "./action-page.js";
import { allSections, type MarkdownPage, type Section } from "./markdown.js";
import type { ProblemLog } from "./problems.js";
import { COLUMN, hasColumn, readTable } from "./table.js";
import { plainText } from "./text.js";

/** An error code with its description and where the page lists it. */
export interface ErrorCodeEntry {
  description: string;
  line: number;
}

/** The error-code page (`ErrorCodes.md`): codes every service shares, and this service's own. */
export interface ErrorCodesPage {
  kind: "errors";
  file: string;
  common: Map<string, ErrorCodeEntry>;
  service: Map<string, ErrorCodeEntry>;
}

/** True when a table lists error codes; checked only after the page proved not to be an action page. */
export function looksLikeErrorCodesPage(page: MarkdownPage): boolean {
  return allSections(page.sections).some((s) =>
    s.blocks.some((b) => b.kind === "table" && hasColumn(b, COLUMN.errorCode)),
  );
}

/** Reads every error-code table; a table under a heading mentioning "common" lists common codes. */
export function readErrorCodesPage(page: MarkdownPage, file: string, log: ProblemLog): ErrorCodesPage {
  const result: ErrorCodesPage = { kind: "errors", file, common: new Map(), service: new Map() };
  for (const section of allSections(page.sections)) {
    for (const block of section.blocks) {
      if (block.kind !== "table" || !hasColumn(block, COLUMN.errorCode)) continue;
      const target = isCommon(section) ? result.common : result.service;
      const rows =
        readTable(
          block,
          [
            { key: "code", header: COLUMN.errorCode },
            { key: "description", header: COLUMN.description },
          ],
          file,
          log,
        ) ?? [];
      for (const row of rows) {
        const code = plainText(row.cell["code"] ?? "");
        if (!ERROR_CODE.test(code)) {
          log.error(file, row.line, `"${code}" is not an error code (e.g. FailedOperation.SystemError)`);
          continue;
        }
        const first = target.get(code);
        if (first) {
          log.error(file, row.line, `error code ${code} is listed twice (first at line ${first.line})`);
          continue;
        }
        target.set(code, { description: plainText(row.cell["description"] ?? ""), line: row.line });
      }
    }
  }
  return result;
}

function isCommon(section: Section): boolean {
  return /\bcommon\b/i.test(section.title);
}
