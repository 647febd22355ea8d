import type { ProblemLog } from "./problems.js";
import type { KeyedRow } from "./table.js";
import { plainText, saysDeprecated, saysNullable } from "./text.js";
import { parseTypeExpr, type TypeExpr } from "./type-expr.js";

/** A parameter or field row, read but with structure names not yet looked up. */
export interface MemberDraft {
  name: string;
  line: number;
  expr: TypeExpr;
  /** From the Required column; `undefined` where the table has none (outputs, most structures). */
  required: boolean | undefined;
  description: string;
  nullable: boolean;
  deprecated: boolean;
}

const NAME = /^([A-Za-z_][A-Za-z0-9_]*)(\.N)?$/;

/**
 * Turns table rows into members. `Name.N` rows are the GET form of an array parameter: the member
 * is `Name`, a list. Rows that cannot be read are errors in `log` and left out. A name listed twice
 * is kept here: an `overrides.json` rename may correct it, so {@link uniqueMembers} judges later.
 */
export function readMembers(rows: readonly KeyedRow[], file: string, log: ProblemLog): MemberDraft[] {
  const members: MemberDraft[] = [];
  for (const row of rows) {
    const member = readMember(row, file, log);
    if (member) members.push(member);
  }
  return members;
}

/**
 * The members with each name's first row only; every later row of a name is reported through
 * `report` (line, message) and left out.
 */
export function uniqueMembers(
  members: readonly MemberDraft[],
  report: (line: number, message: string) => void,
  structure?: string,
): MemberDraft[] {
  const out: MemberDraft[] = [];
  const firstLine = new Map<string, number>();
  for (const member of members) {
    const seen = firstLine.get(member.name);
    if (seen !== undefined) {
      const what = structure ? `field "${member.name}" of ${structure}` : `parameter "${member.name}"`;
      report(member.line, `${what} is listed twice (first at line ${seen})`);
      continue;
    }
    firstLine.set(member.name, member.line);
    out.push(member);
  }
  return out;
}

function readMember(row: KeyedRow, file: string, log: ProblemLog): MemberDraft | undefined {
  const rawName = plainText(row.cell["name"] ?? "");
  const name = NAME.exec(rawName);
  if (!name) {
    log.error(file, row.line, `"${rawName}" is not a parameter name (letters, digits, _, optionally ending in .N)`);
    return undefined;
  }
  let typeCell = plainText(row.cell["type"] ?? "");
  let required: boolean | undefined;
  if (row.cell["required"] !== undefined) {
    const requiredCell = plainText(row.cell["required"]);
    required = yesNo(requiredCell);
    if (required === undefined) {
      // Real pages occasionally swap the two cells (`| Password | String | Yes |`); the meaning is unambiguous.
      const swapped = yesNo(typeCell);
      if (swapped !== undefined && !("error" in parseTypeExpr(requiredCell))) {
        log.warn(
          file,
          row.line,
          `"${name[1]}": Required and Type cells are swapped; read as Required=${typeCell}, Type=${requiredCell}`,
        );
        required = swapped;
        typeCell = requiredCell;
      } else {
        log.error(file, row.line, `"${name[1]}": Required cell "${requiredCell}" is neither Yes nor No`);
        return undefined;
      }
    }
  }
  const parsed = parseTypeExpr(typeCell);
  if ("error" in parsed) {
    log.error(file, row.line, `"${name[1]}": ${parsed.error}`);
    return undefined;
  }
  const expr: TypeExpr = name[2] && parsed.kind !== "list" ? { kind: "list", items: parsed } : parsed;
  const description = plainText(row.cell["description"] ?? "");
  return {
    name: name[1]!,
    line: row.line,
    expr,
    required,
    description,
    nullable: saysNullable(description),
    deprecated: saysDeprecated(description),
  };
}

function yesNo(text: string): boolean | undefined {
  if (/^yes$/i.test(text)) return true;
  if (/^no$/i.test(text)) return false;
  return undefined;
}
