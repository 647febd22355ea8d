import { allSections, type Block, type MarkdownPage, type Section } from "./markdown.js";
import { type MemberDraft, readMembers } from "./members.js";
import type { ProblemLog } from "./problems.js";
import { COLUMN, type ColumnSpec, readTable } from "./table.js";
import { firstSentence, plainText, saysDeprecated } from "./text.js";

type CodeBlock = Extract<Block, { kind: "code" }>;

/** One sample as the page shows it: code blocks not yet parsed. */
export interface SampleDraft {
  title: string;
  description?: string;
  input?: CodeBlock;
  output?: CodeBlock;
}

/** An error code row of an action page. */
export interface ErrorRow {
  code: string;
  line: number;
}

/** Everything an API reference page says about one action, with structure names not yet resolved. */
export interface ActionPage {
  kind: "action";
  file: string;
  name: string;
  /** Signing service name, from `API domain name: <service>.tencentcloudapi.com`. */
  service: string;
  version: string;
  summary: string;
  description: string;
  deprecated: boolean;
  rateLimit: number;
  financialRegions: boolean;
  regionRequired: boolean;
  input: MemberDraft[];
  output: MemberDraft[];
  samples: SampleDraft[];
  errors: ErrorRow[];
}

/** Sections an action page must have, found by title whatever their number or level. */
const SECTIONS = {
  description: /^(api\s+)?description$/i,
  input: /^input\s+parameters?$/i,
  output: /^output\s+parameters?$/i,
  samples: /^(samples?|examples?)$/i,
  errors: /^error\s+codes?$/i,
} as const;
const SECTION_LABEL: Record<keyof typeof SECTIONS, string> = {
  description: "API Description",
  input: "Input Parameters",
  output: "Output Parameters",
  samples: "Sample",
  errors: "Error Codes",
};

/** True when the page has the sections that make it an API reference page. */
export function looksLikeActionPage(page: MarkdownPage): boolean {
  // Not the bare "Description" title: a structures page may well define a structure of that name.
  return allSections(page.sections).some((s) => SECTIONS.input.test(s.title) || /^api\s+description$/i.test(s.title));
}

/** Common parameters every action takes; they are not members of the action's request. */
const COMMON_PARAMETERS = new Set(["Action", "Version", "Region"]);
const DEFAULT_RATE_LIMIT = 20;

const DOMAIN = /^API domain name:\s*([A-Za-z0-9.-]+?)\.?$/i;
const RATE = [
  /default API request rate limit:\s*(\d+)\s*requests?\s*\/\s*s(ec(ond)?)?\b/i,
  /a maximum of\s*(\d+)\s*requests?\s*can be initiated per second/i,
];
const FINANCIAL = /supports?\s+(the\s+)?financ(e|ial)\s+(availability\s+zones|regions|zones)/i;

const INPUT_COLUMNS: ColumnSpec[] = [
  { key: "name", header: COLUMN.name },
  { key: "required", header: COLUMN.required },
  { key: "type", header: COLUMN.type },
  { key: "description", header: COLUMN.description },
];
const OUTPUT_COLUMNS: ColumnSpec[] = [
  { key: "name", header: COLUMN.name },
  { key: "type", header: COLUMN.type },
  { key: "description", header: COLUMN.description },
];
const ERROR_COLUMNS: ColumnSpec[] = [
  { key: "code", header: COLUMN.errorCode },
  { key: "description", header: COLUMN.description, optional: true },
];
/** The shape of an error code, as the spec schema requires it (`Category.Detail`). */
export const ERROR_CODE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

/** Reads an API reference page; returns `undefined` when a problem leaves nothing usable. */
export function readActionPage(page: MarkdownPage, file: string, log: ProblemLog): ActionPage | undefined {
  const sections = findSections(page, file, log);
  if (!sections) return undefined;

  const intro = readDescription(sections.description, file, log);
  const inputRows = memberTable(sections.input, INPUT_COLUMNS, file, log);
  const outputRows = memberTable(sections.output, OUTPUT_COLUMNS, file, log);
  const common = new Map(inputRows.filter((r) => COMMON_PARAMETERS.has(r.name)).map((r) => [r.name, r]));
  const name = commonValue(common.get("Action"), /:\s*([A-Z][A-Za-z0-9]*)\.?$/, "Action", sections.input, file, log);
  const version = commonValue(common.get("Version"), /(\d{4}-\d{2}-\d{2})/, "Version", sections.input, file, log);
  const input = inputRows.filter((r) => !COMMON_PARAMETERS.has(r.name));
  const output = outputRows.filter((r) => r.name !== "RequestId");

  const samples = readSamples(sections.samples, file, log);
  const errors = readErrorRows(sections.errors, file, log);
  if (!intro || name === undefined || version === undefined) return undefined;
  return {
    kind: "action",
    file,
    name,
    service: intro.service,
    version,
    summary: firstSentence(intro.description),
    description: intro.description,
    deprecated: saysDeprecated(intro.description),
    rateLimit: intro.rateLimit,
    financialRegions: intro.financialRegions,
    regionRequired: common.get("Region")?.required ?? false,
    input,
    output,
    samples,
    errors,
  };
}

function findSections(
  page: MarkdownPage,
  file: string,
  log: ProblemLog,
): Record<keyof typeof SECTIONS, Section> | undefined {
  const found: Partial<Record<keyof typeof SECTIONS, Section>> = {};
  for (const section of allSections(page.sections)) {
    for (const key of Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]) {
      if (!SECTIONS[key].test(section.title)) continue;
      const first = found[key];
      if (first)
        log.error(file, section.line, `section "${section.heading}" appears twice (first at line ${first.line})`);
      else found[key] = section;
    }
  }
  let complete = true;
  for (const key of Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]) {
    if (found[key]) continue;
    log.error(file, 1, `missing section "${SECTION_LABEL[key]}"`);
    complete = false;
  }
  return complete ? (found as Record<keyof typeof SECTIONS, Section>) : undefined;
}

interface Intro {
  service: string;
  description: string;
  rateLimit: number;
  financialRegions: boolean;
}

/** Splits the API Description into the facts it states (domain, rate limit, finance note) and the prose. */
function readDescription(section: Section, file: string, log: ProblemLog): Intro | undefined {
  let host: { name: string; line: number } | undefined;
  let rateLimit: number | undefined;
  let financialRegions = false;
  const prose: string[] = [];
  for (const block of section.blocks) {
    if (block.kind !== "paragraph") continue;
    const text = plainText(block.text);
    const domain = DOMAIN.exec(text);
    if (domain) {
      host = { name: domain[1]!, line: block.line };
      continue;
    }
    const rate = RATE.map((re) => re.exec(text)).find((m) => m !== null);
    if (rate) {
      rateLimit = Number(rate[1]);
      continue;
    }
    if (FINANCIAL.test(text)) {
      financialRegions = true;
      continue;
    }
    prose.push(text);
  }
  let ok = true;
  if (!host) {
    log.error(file, section.line, 'API Description has no "API domain name: <service>.tencentcloudapi.com" line');
    ok = false;
  } else if (!/^[a-z0-9-]+\.tencentcloudapi\.com$/.test(host.name)) {
    log.error(file, host.line, `API domain name "${host.name}" is not <service>.tencentcloudapi.com`);
    ok = false;
  }
  if (prose.length === 0) {
    log.error(file, section.line, "API Description has no text describing the action");
    ok = false;
  }
  if (rateLimit === undefined) {
    log.warn(file, section.line, `API Description states no rate limit; using the default ${DEFAULT_RATE_LIMIT}/s`);
  } else if (rateLimit < 1) {
    log.error(file, section.line, `rate limit ${rateLimit}/s is not a positive number`);
    ok = false;
  }
  if (!ok || !host) return undefined;
  return {
    service: host.name.slice(0, host.name.indexOf(".")),
    description: prose.join("\n\n"),
    rateLimit: rateLimit ?? DEFAULT_RATE_LIMIT,
    financialRegions,
  };
}

function memberTable(section: Section, columns: ColumnSpec[], file: string, log: ProblemLog): MemberDraft[] {
  const tables = section.blocks.filter((b) => b.kind === "table");
  const [table, ...extra] = tables;
  if (!table) {
    log.error(file, section.line, `section "${section.heading}" has no parameter table`);
    return [];
  }
  for (const t of extra) log.warn(file, t.line, `second table in "${section.heading}" ignored`);
  const rows = readTable(table, columns, file, log);
  return rows ? readMembers(rows, file, log) : [];
}

/** The value a common parameter row states in its description, e.g. the action name or the version. */
function commonValue(
  row: MemberDraft | undefined,
  pattern: RegExp,
  param: string,
  section: Section,
  file: string,
  log: ProblemLog,
): string | undefined {
  if (!row) {
    log.error(file, section.line, `Input Parameters has no common parameter row "${param}"`);
    return undefined;
  }
  const match = pattern.exec(row.description);
  if (!match) {
    log.error(file, row.line, `cannot read the ${param} value from "${row.description}"`);
    return undefined;
  }
  return match[1]!;
}

function readSamples(section: Section, file: string, log: ProblemLog): SampleDraft[] {
  // A page with one unheaded sample puts its code blocks straight under the Sample heading.
  const candidates = section.children.length > 0 ? section.children : section.blocks.length > 0 ? [section] : [];
  const samples: SampleDraft[] = [];
  for (const candidate of candidates) {
    const description = candidate.blocks
      .filter((b) => b.kind === "paragraph")
      .map((b) => plainText(b.text))
      .join("\n\n");
    const sample: SampleDraft = { title: candidate.title || candidate.heading };
    if (description) sample.description = description;
    if (candidate.children.length > 0) {
      for (const part of candidate.children) {
        const code = part.blocks.find((b) => b.kind === "code");
        if (!code) continue;
        if (/input|request/i.test(part.title)) sample.input = code;
        else if (/output|response/i.test(part.title)) sample.output = code;
      }
    } else {
      const [input, output] = candidate.blocks.filter((b) => b.kind === "code");
      if (input) sample.input = input;
      if (output) sample.output = output;
    }
    if (!sample.input || !sample.output) {
      log.warn(
        file,
        candidate.line,
        `sample "${sample.title}" lacks an ${sample.input ? "output" : "input"} code block; skipped`,
      );
      continue;
    }
    samples.push(sample);
  }
  return samples;
}

function readErrorRows(section: Section, file: string, log: ProblemLog): ErrorRow[] {
  const table = section.blocks.find((b) => b.kind === "table");
  // A page may state in prose that the action has no business error codes.
  if (!table) return [];
  const rows = readTable(table, ERROR_COLUMNS, file, log) ?? [];
  const errors: ErrorRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const code = plainText(row.cell["code"] ?? "");
    if (!ERROR_CODE.test(code)) {
      log.error(file, row.line, `"${code}" is not an error code (e.g. FailedOperation.SystemError)`);
      continue;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      log.warn(file, row.line, `error code ${code} is listed twice (first at line ${first})`);
      continue;
    }
    seen.set(code, row.line);
    errors.push({ code, line: row.line });
  }
  return errors;
}
