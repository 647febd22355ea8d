import type { MarkdownPage, Section } from "./markdown.js";
import { type MemberDraft, readMembers } from "./members.js";
import { type DocProblem, ProblemLog } from "./problems.js";
import { COLUMN, type ColumnSpec, hasColumn, readTable } from "./table.js";
import { plainText } from "./text.js";

/** One `## Name` section of a data-structures page. */
export interface StructureDraft {
  name: string;
  file: string;
  line: number;
  description: string;
  members: MemberDraft[];
  /**
   * Faults inside this structure's section. They become errors only if an imported action
   * reaches the structure: a broken structure nobody uses must not block importing the rest.
   */
  faults: DocProblem[];
}

/** A page of structures that action pages link to (`DataStructures.md`). */
export interface StructuresPage {
  kind: "structures";
  file: string;
  structures: Map<string, StructureDraft>;
}

const COLUMNS: ColumnSpec[] = [
  { key: "name", header: COLUMN.name },
  { key: "type", header: COLUMN.type },
  { key: "required", header: COLUMN.required, optional: true },
  { key: "description", header: COLUMN.description },
];
const TYPE_NAME = /^[A-Z][A-Za-z0-9_]*$/;

/** True when some section holds a Name/Type table, the shape of a structure definition. */
export function looksLikeStructuresPage(page: MarkdownPage): boolean {
  return page.sections.some((s) =>
    s.blocks.some((b) => b.kind === "table" && hasColumn(b, COLUMN.name) && hasColumn(b, COLUMN.type)),
  );
}

/** Reads every structure section; page-level faults go to `log`, per-structure ones stay with the structure. */
export function readStructuresPage(page: MarkdownPage, file: string, log: ProblemLog): StructuresPage {
  const structures = new Map<string, StructureDraft>();
  for (const section of page.sections) {
    if (!TYPE_NAME.test(section.title)) {
      log.warn(
        file,
        section.line,
        `section "${section.heading}" is not a structure (its heading is not a type name); ignored`,
      );
      continue;
    }
    const first = structures.get(section.title);
    if (first) {
      log.error(file, section.line, `structure ${section.title} is defined twice (first at line ${first.line})`);
      continue;
    }
    structures.set(section.title, readStructure(section, file));
  }
  return { kind: "structures", file, structures };
}

function readStructure(section: Section, file: string): StructureDraft {
  const faults = new ProblemLog();
  const prose = section.blocks
    .filter((b) => b.kind === "paragraph")
    .map((b) => plainText(b.text))
    // "Referenced by: A, B." describes the docs site, not the structure.
    .filter((text) => !/^referenced by:/i.test(text));
  const table = section.blocks.find((b) => b.kind === "table");
  let members: MemberDraft[] = [];
  if (!table) faults.error(file, section.line, `structure ${section.title} has no field table`);
  else {
    const rows = readTable(table, COLUMNS, file, faults);
    if (rows) members = readMembers(rows, file, faults);
  }
  return {
    name: section.title,
    file,
    line: section.line,
    description: prose.join("\n\n"),
    members,
    faults: [...faults.all()],
  };
}
