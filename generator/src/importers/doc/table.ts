import type { Block, TableRow } from "./markdown.js";
import type { ProblemLog } from "./problems.js";

type Table = Extract<Block, { kind: "table" }>;

/** A column the reader looks for, found by header text so column order on the page does not matter. */
export interface ColumnSpec {
  key: string;
  header: RegExp;
  optional?: boolean;
}

/** A body row with cells addressed by column key. */
export interface KeyedRow {
  line: number;
  cell: Record<string, string | undefined>;
}

/**
 * Maps a table's columns to `columns` and returns the rows whose cell count matches the header.
 * Missing columns and short or long rows are errors in `log`; a `null` result means the table
 * could not be read at all.
 */
export function readTable(
  table: Table,
  columns: readonly ColumnSpec[],
  file: string,
  log: ProblemLog,
): KeyedRow[] | null {
  const index = new Map<string, number>();
  for (const column of columns) {
    const at = table.header.cells.findIndex((h) => column.header.test(h.trim()));
    if (at >= 0) index.set(column.key, at);
    else if (!column.optional) {
      log.error(file, table.header.line, `table has no "${column.key}" column (header: ${headerText(table.header)})`);
    }
  }
  if (columns.some((c) => !c.optional && !index.has(c.key))) return null;
  const width = table.header.cells.length;
  const rows: KeyedRow[] = [];
  for (const row of table.rows) {
    if (row.cells.length !== width) {
      log.error(file, row.line, `table row has ${row.cells.length} cells, the header has ${width}`);
      continue;
    }
    const cell: KeyedRow["cell"] = {};
    for (const [key, at] of index) cell[key] = row.cells[at];
    rows.push({ line: row.line, cell });
  }
  return rows;
}

/** Whether a table's header has a column matching `header`. */
export function hasColumn(table: Table, header: RegExp): boolean {
  return table.header.cells.some((h) => header.test(h.trim()));
}

function headerText(row: TableRow): string {
  return `| ${row.cells.join(" | ")} |`;
}

/** Header patterns shared by the page kinds. */
export const COLUMN = {
  name: /^(parameter\s+)?name$/i,
  required: /^required$/i,
  type: /^type$/i,
  description: /^desc(ription)?$/i,
  errorCode: /^error\s+code$/i,
} as const;
