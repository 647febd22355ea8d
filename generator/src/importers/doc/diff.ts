import type { LoadedService } from "../../load/index.js";
import type { ActionSpec, SpecMember } from "../../spec/types.js";
import { compareCodeUnits } from "../../spec/write-json.js";
import type { DocImport } from "./build.js";
import { describeType } from "./type-expr.js";

/** Kinds of difference, counted for the summary. */
export type ChangeKind =
  | "memberAdded"
  | "memberRemoved"
  | "typeChanged"
  | "requiredChanged"
  | "errorAdded"
  | "errorRemoved"
  | "settingChanged"
  | "serviceCodeAdded"
  | "serviceCodeRemoved";

/** One difference; `text` reads "what importing the page would do to the committed spec". */
export interface Change {
  kind: ChangeKind;
  text: string;
}

/** Differences of one action, structure, or the service's error codes. */
export interface SubjectDiff {
  kind: "action" | "structure" | "error codes";
  /** e.g. `action DescribeTaskInfo`, `structure InstanceSet`, `error codes`. */
  subject: string;
  /** Where the committed spec is, relative to the specs root. */
  specFile: string;
  /** The committed specs have no such file: everything on the page would be new. */
  isNew: boolean;
  changes: Change[];
}

/** What `--diff` prints. */
export interface DocDiff {
  subjects: SubjectDiff[];
  counts: Record<ChangeKind, number>;
}

/**
 * Compares what the pages say with the committed spec. Integers are compared without their
 * width: pages only say `Integer`, so int64 against uint64 is not a difference the page can make.
 * Output members' `required` is not compared either: the page format does not state it. Structure
 * members' `required` is compared only where the page's table has a Required column.
 */
export function diffImport(imported: DocImport, committed: LoadedService | undefined): DocDiff {
  const base = `${imported.service}/${imported.version}`;
  const subjects: SubjectDiff[] = [];
  const actions = new Map((committed?.actions ?? []).map((a) => [a.name, a]));
  const structures = new Map((committed?.structures ?? []).map((s) => [s.name, s]));

  for (const { spec } of imported.actions) {
    const old = actions.get(spec.name);
    const specFile = `${base}/actions/${spec.name}.json`;
    subjects.push({
      kind: "action",
      subject: `action ${spec.name}`,
      specFile,
      isNew: !old,
      changes: old ? diffAction(old, spec) : [],
    });
  }
  for (const spec of imported.structures) {
    const old = structures.get(spec.name);
    const specFile = `${base}/structures/${spec.name}.json`;
    const stated = (m: SpecMember) => imported.requiredStated.has(`${spec.name}.${m.name}`);
    subjects.push({
      kind: "structure",
      subject: `structure ${spec.name}`,
      specFile,
      isNew: !old,
      changes: old ? diffMembers("member", old.members, spec.members, stated) : [],
    });
  }
  if (imported.errors) {
    const oldCodes = committed ? Object.keys(committed.errors.codes) : [];
    const changes = diffSets(
      oldCodes,
      Object.keys(imported.errors.codes),
      "serviceCodeAdded",
      "serviceCodeRemoved",
      "code",
    );
    subjects.push({
      kind: "error codes",
      subject: "error codes",
      specFile: `${base}/errors.json`,
      isNew: !committed,
      changes,
    });
  }

  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const s of subjects) for (const c of s.changes) counts[c.kind]++;
  return { subjects, counts };
}

const KINDS: readonly ChangeKind[] = [
  "memberAdded",
  "memberRemoved",
  "typeChanged",
  "requiredChanged",
  "errorAdded",
  "errorRemoved",
  "settingChanged",
  "serviceCodeAdded",
  "serviceCodeRemoved",
];

function diffAction(old: ActionSpec, page: ActionSpec): Change[] {
  const changes: Change[] = [];
  for (const key of ["rateLimit", "financialRegions", "regionRequired"] as const) {
    if (old[key] !== page[key]) {
      changes.push({
        kind: "settingChanged",
        text: `~ ${key}: committed ${String(old[key])}, page ${String(page[key])}`,
      });
    }
  }
  changes.push(...diffMembers("input", old.input, page.input, () => true));
  changes.push(...diffMembers("output", old.output, page.output, () => false));
  changes.push(...diffSets(old.errors, page.errors, "errorAdded", "errorRemoved", "error"));
  return changes;
}

function diffMembers(
  where: string,
  old: readonly SpecMember[],
  page: readonly SpecMember[],
  requiredStated: (m: SpecMember) => boolean,
): Change[] {
  const changes: Change[] = [];
  const oldByName = new Map(old.map((m) => [m.name, m]));
  const pageNames = new Set(page.map((m) => m.name));
  for (const m of page) {
    const before = oldByName.get(m.name);
    if (!before) {
      changes.push({ kind: "memberAdded", text: `+ ${where} ${m.name}: ${describeType(m.type)}` });
      continue;
    }
    const was = describeType(before.type);
    const now = describeType(m.type);
    if (was !== now)
      changes.push({ kind: "typeChanged", text: `~ ${where} ${m.name}: type committed ${was}, page ${now}` });
    if (requiredStated(m) && before.required !== m.required) {
      changes.push({
        kind: "requiredChanged",
        text: `~ ${where} ${m.name}: required committed ${yesNo(before.required)}, page ${yesNo(m.required)}`,
      });
    }
  }
  for (const m of old) {
    if (!pageNames.has(m.name)) {
      changes.push({ kind: "memberRemoved", text: `- ${where} ${m.name}: ${describeType(m.type)}` });
    }
  }
  return changes;
}

function diffSets(
  old: readonly string[],
  page: readonly string[],
  added: ChangeKind,
  removed: ChangeKind,
  noun: string,
): Change[] {
  const before = new Set(old);
  const after = new Set(page);
  return [
    ...[...after]
      .filter((c) => !before.has(c))
      .sort(compareCodeUnits)
      .map((c) => ({ kind: added, text: `+ ${noun} ${c}` })),
    ...[...before]
      .filter((c) => !after.has(c))
      .sort(compareCodeUnits)
      .map((c) => ({ kind: removed, text: `- ${noun} ${c}` })),
  ];
}

function yesNo(value: boolean): string {
  return value ? "yes" : "no";
}

/** The report `--diff` prints: one block per subject, then totals. Same input, same bytes. */
export function formatDiff(diff: DocDiff): string {
  const lines: string[] = [];
  for (const s of diff.subjects) {
    if (s.isNew) lines.push(`${s.subject}: new (no ${s.specFile} in the committed specs)`);
    else if (s.changes.length === 0) lines.push(`${s.subject}: same as committed`);
    else {
      lines.push(`${s.subject} (${s.specFile}):`);
      for (const c of s.changes) lines.push(`  ${c.text}`);
    }
  }
  const c = diff.counts;
  const tally = (kind: SubjectDiff["kind"], plural: string) => {
    const of = diff.subjects.filter((s) => s.kind === kind);
    const fresh = of.filter((s) => s.isNew).length;
    const same = of.filter((s) => !s.isNew && s.changes.length === 0).length;
    return `${of.length} ${plural} (${same} same, ${of.length - same - fresh} differ, ${fresh} new)`;
  };
  const codes = diff.subjects.some((s) => s.kind === "error codes")
    ? `; service error codes: ${c.serviceCodeAdded} added, ${c.serviceCodeRemoved} removed`
    : "";
  lines.push(
    "",
    `Summary: ${tally("action", "actions")}, ${tally("structure", "structures")}`,
    `  members: ${c.memberAdded} added, ${c.memberRemoved} removed, ${c.typeChanged} type changed, ${c.requiredChanged} required changed`,
    `  action error codes: ${c.errorAdded} added, ${c.errorRemoved} removed; action settings changed: ${c.settingChanged}${codes}`,
    "  (+ only on the page, - only in the committed spec; integer width and output presence are not compared: pages state neither)",
  );
  return lines.join("\n") + "\n";
}
