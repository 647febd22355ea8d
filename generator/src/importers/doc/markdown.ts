/**
 * The subset of Markdown that Tencent Cloud API reference pages use: ATX headings, pipe tables,
 * fenced code blocks and paragraphs. Every block keeps its 1-based line so problems can point at it.
 */

/** A table row: its line and its cells, split on unescaped pipes and trimmed (entities not yet decoded). */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A block of the page. */
export type Block =
  | { kind: "heading"; line: number; level: number; text: string }
  | { kind: "paragraph"; line: number; text: string }
  | { kind: "code"; line: number; info: string; text: string }
  | { kind: "table"; line: number; header: TableRow; rows: TableRow[] };

/** A heading with the blocks up to the next heading of the same or a higher level. */
export interface Section {
  line: number;
  level: number;
  /** Heading text as written, e.g. `2. Input Parameters`. */
  heading: string;
  /** Heading text without a leading number, e.g. `Input Parameters` or, for `Sample 1. Foo`, `Foo`. */
  title: string;
  blocks: Block[];
  children: Section[];
}

/** A page split into blocks, with the structural faults the tokenizer itself can see. */
export interface MarkdownPage {
  /** Blocks before the first heading. */
  preamble: Block[];
  sections: Section[];
  faults: { line: number; message: string }[];
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})\s*(.*)$/;
const TABLE_LINE = /^\s*\|/;
const DELIMITER_CELL = /^:?-+:?$/;

/** Tokenizes `source` and nests its sections by heading level. */
export function parseMarkdown(source: string): MarkdownPage {
  const { blocks, faults } = tokenize(source.replace(/\r\n?/g, "\n").split("\n"));
  const preamble: Block[] = [];
  const sections: Section[] = [];
  const open: Section[] = [];
  for (const block of blocks) {
    if (block.kind === "heading") {
      while (open.length > 0 && open[open.length - 1]!.level >= block.level) open.pop();
      const section: Section = {
        line: block.line,
        level: block.level,
        heading: block.text,
        title: stripNumbering(block.text),
        blocks: [],
        children: [],
      };
      (open.length > 0 ? open[open.length - 1]!.children : sections).push(section);
      open.push(section);
    } else {
      (open.length > 0 ? open[open.length - 1]!.blocks : preamble).push(block);
    }
  }
  return { preamble, sections, faults };
}

function tokenize(lines: string[]): { blocks: Block[]; faults: MarkdownPage["faults"] } {
  const blocks: Block[] = [];
  const faults: MarkdownPage["faults"] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(marker)) body.push(lines[i++]!);
      if (i >= lines.length) faults.push({ line: lineNo, message: "code block is never closed" });
      i++;
      blocks.push({ kind: "code", line: lineNo, info: fence[2]!.trim(), text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", line: lineNo, level: heading[1]!.length, text: heading[2]! });
      i++;
      continue;
    }
    if (TABLE_LINE.test(line)) {
      const start = i;
      while (i < lines.length && TABLE_LINE.test(lines[i]!)) i++;
      const table = toTable(lines.slice(start, i), start + 1);
      if (typeof table === "string") faults.push({ line: lineNo, message: table });
      else blocks.push(table);
      continue;
    }
    const start = i;
    while (i < lines.length && lines[i]!.trim() !== "" && !startsBlock(lines[i]!)) i++;
    blocks.push({
      kind: "paragraph",
      line: start + 1,
      text: lines
        .slice(start, i)
        .map((l) => l.trim())
        .join("\n"),
    });
  }
  return { blocks, faults };
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || TABLE_LINE.test(line);
}

/** A header row, a delimiter row, then body rows; returns a reason when the lines are not a table. */
function toTable(lines: string[], firstLine: number): Extract<Block, { kind: "table" }> | string {
  const rows = lines.map((text, k) => ({ line: firstLine + k, cells: splitRow(text) }));
  const [header, delimiter, ...body] = rows;
  if (!header || !delimiter || !delimiter.cells.every((c) => DELIMITER_CELL.test(c.replace(/\s/g, "")))) {
    return "table has no delimiter row (| --- | --- |) under its header";
  }
  return { kind: "table", line: firstLine, header, rows: body };
}

/** Splits `| a | b \| c |` into `["a", "b | c"]`; the outer pipes are optional on the right. */
export function splitRow(text: string): string[] {
  const cells: string[] = [];
  let current = "";
  const trimmed = text.trim();
  for (let k = 0; k < trimmed.length; k++) {
    const ch = trimmed[k]!;
    if (ch === "\\" && trimmed[k + 1] === "|") {
      current += "|";
      k++;
    } else if (ch === "|") {
      cells.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  cells.push(current);
  // The leading pipe always opens an empty cell; a trailing pipe closes one.
  cells.shift();
  if (trimmed.endsWith("|") && !trimmed.endsWith("\\|")) cells.pop();
  return cells.map((c) => c.trim());
}

/** `2. Input Parameters` → `Input Parameters`; `Sample 1. Querying X` → `Querying X`. */
function stripNumbering(text: string): string {
  return text.replace(/^(?:\d+\.\s*|(?:sample|example)\s+\d+[.:]?\s*)/i, "").trim();
}

/** Depth-first list of `section` and every section nested in it. */
export function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.children)]);
}
