import path from "node:path";
import { pointerSegment, type SpecProblem } from "../../load/problems.js";
import { dictFrom, hasKey, own } from "../../spec/dict.js";
import type { ActionSpec, ErrorsSpec, ServiceSpec, SpecMember, SpecSample, StructureSpec } from "../../spec/types.js";
import { compareCodeUnits } from "../../spec/write-json.js";
import { firstLine, htmlToText } from "../common/html-text.js";
import { ImportError } from "../common/import-error.js";
import { Overrides } from "../common/overrides/overrides.js";
import type { MemberOwner } from "../common/overrides/types.js";
import { conformSample } from "../common/typed-sample.js";
import { MemberMapper } from "./members.js";
import { convertSamples } from "./samples.js";
import { buildService } from "./service.js";
import type { BulkSource, SourceAction, SourceExample } from "./source.js";
import { streamField } from "./stream.js";

/** What the committed specs already say, for the fields an import keeps. */
export interface ExistingSpecs {
  service?: ServiceSpec;
  /** `regionRequired` per action: the service description does not state it, a doc page may have. */
  regionRequired: ReadonlyMap<string, boolean>;
}

/** A whole service, built in memory. */
export interface BuiltSpecs {
  service: ServiceSpec;
  errors: ErrorsSpec;
  actions: ActionSpec[];
  structures: StructureSpec[];
  warnings: string[];
  infos: string[];
}

/** Action name prefixes of calls that only read; the runtime may retry those after a timeout. */
export const READ_ONLY_PREFIX = /^(Describe|Inquiry|Inquire|Get|List|Query|Check)(?=[A-Z])/;

const DEPRECATION_WORDS = /\b(disused|deprecated|discarded|abandoned)\b/i;

/** An error code of the form the spec format accepts (`specs/schema/errors.schema.json`). */
const ERROR_CODE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

/** How many examples show where a kind of finding occurs, before "and N more". */
const SHOWN = 5;

/**
 * Builds every spec of the service from its description, with the curated `overrides` applied.
 * Problems in the source or in the overrides throw {@link ImportError}; upstream defects the import
 * can step over (malformed codes, placeholder examples, samples that contradict the members)
 * become warnings naming the action and the value.
 */
export function buildSpecs(
  source: BulkSource,
  existing: ExistingSpecs,
  commonCodes: ErrorsSpec["codes"],
  overrides: Overrides = Overrides.none(),
): BuiltSpecs {
  const apiFile = path.join(source.dir, "api.json");
  const errorsFile = path.join(source.dir, "errors.json");
  const problems: SpecProblem[] = [];
  const warnings: string[] = [];
  const infos: string[] = source.missing.map((f) => `${f} not found in ${source.dir}: defaults used`);
  const { api } = source;

  const ioObjects = new Set(Object.values(api.actions).flatMap((a) => [a.input, a.output]));
  const structureNames = new Set(Object.keys(api.objects).filter((n) => !ioObjects.has(n)));
  const mapper = new MemberMapper(apiFile, structureNames, problems);
  const corrected = (owner: MemberOwner, members: SpecMember[]): SpecMember[] => {
    overrides.rename(owner, members, problems);
    return overrides.edit(owner, members, problems);
  };

  const structures: StructureSpec[] = [...structureNames].sort(compareCodeUnits).map((name) => {
    const object = own(api.objects, name)!;
    const usage = object.usage === "in" ? "input" : object.usage === "out" ? "output" : "both";
    return {
      name,
      description: htmlToText(object.document ?? ""),
      usage,
      members: corrected({ structure: name }, mapper.members(name, object, usage === "output" ? "output" : "input")),
    };
  });
  const structureMembers = new Map(structures.map((s) => [s.name, s.members]));
  const resolve = (name: string): readonly SpecMember[] | undefined => structureMembers.get(name);

  const codes = dictFrom(Object.entries(source.errors.codes).map(([c, d]) => [c, d.trim()] as const));
  const actionCodes = dictFrom(Object.entries(source.errors.actions));
  overrides.dropErrorCodes(codes, actionCodes);
  for (const code of Object.keys(codes)) {
    if (ERROR_CODE.test(code)) continue;
    warnings.push(`errors.json: service error code ${JSON.stringify(code)} is malformed (not Word.Word…), skipped`);
    delete codes[code];
  }

  const defaultRate = existing.service?.defaultRateLimit ?? 20;
  const actions: ActionSpec[] = [];
  for (const name of Object.keys(api.actions).sort(compareCodeUnits)) {
    const action = own(api.actions, name)!;
    const at = `/actions/${pointerSegment(name)}`;
    const inputObject = own(api.objects, action.input);
    const outputObject = own(api.objects, action.output);
    if (!inputObject)
      problems.push({ file: apiFile, path: `${at}/input`, message: `object "${action.input}" not found` });
    if (!outputObject)
      problems.push({ file: apiFile, path: `${at}/output`, message: `object "${action.output}" not found` });
    if (!inputObject || !outputObject) continue;

    const input = corrected({ action: name, side: "input" }, mapper.members(action.input, inputObject, "input"));
    const output = corrected(
      { action: name, side: "output" },
      mapper.members(action.output, outputObject, "output", true),
    );
    const errors = actionErrors(name, own(actionCodes, name) ?? [], codes, commonCodes, warnings, problems, errorsFile);
    const samples = actionSamples(name, own(source.examples, name) ?? [], {
      input,
      output,
      resolve,
      overrides,
      warnings,
      infos,
      problems,
    });
    const limit = own(source.limits, name);
    const description = htmlToText(action.document);
    const summary = firstLine(htmlToText(action.name)) || firstLine(description);
    actions.push(
      overrides.setAction({
        name,
        summary,
        description,
        rateLimit: limit?.ratePerSecond ?? defaultRate,
        financialRegions: limit?.financialRegions ?? false,
        deprecated: isDeprecated(action, summary, description),
        readOnly: READ_ONLY_PREFIX.test(name),
        regionRequired: existing.regionRequired.get(name) ?? true,
        input,
        output,
        errors,
        samples,
        ...streamField(input),
      }),
    );
  }
  for (const name of Object.keys(source.examples)) {
    if (!hasKey(api.actions, name)) warnings.push(`examples.json has samples for unknown action ${name}, ignored`);
  }
  for (const name of Object.keys(source.limits)) {
    if (!hasKey(api.actions, name)) warnings.push(`limits.json has a limit for unknown action ${name}, ignored`);
  }
  warnings.push(...placeholderWarning(mapper.placeholders));
  problems.push(...overrides.unmatched());
  if (problems.length > 0) throw new ImportError(source.dir, problems);

  const built = buildService(
    { name: api.metadata.serviceShortName, version: api.metadata.apiVersion, title: defaultTitle(source) },
    existing.service,
    actions,
  );
  return {
    service: built.service,
    errors: {
      codes: dictFrom(
        Object.keys(codes)
          .sort(compareCodeUnits)
          .map((c) => [c, codes[c]!] as const),
      ),
    },
    actions,
    structures,
    warnings: [...warnings, ...built.warnings],
    infos: [...infos, ...built.infos],
  };
}

/** An action's sorted codes; malformed ones and ones defined nowhere are warnings and left out. */
function actionErrors(
  action: string,
  listed: readonly string[],
  codes: ErrorsSpec["codes"],
  commonCodes: ErrorsSpec["codes"],
  warnings: string[],
  problems: SpecProblem[],
  errorsFile: string,
): string[] {
  const out: string[] = [];
  for (const code of [...new Set(listed)].sort(compareCodeUnits)) {
    if (!ERROR_CODE.test(code)) {
      warnings.push(`${action}: error code ${JSON.stringify(code)} is malformed (not Word.Word…), skipped`);
    } else if (!hasKey(codes, code) && !hasKey(commonCodes, code)) {
      problems.push({
        file: errorsFile,
        path: `/actions/${pointerSegment(action)}`,
        message: `code "${code}" is neither a service nor a common error code`,
      });
    } else out.push(code);
  }
  return out;
}

interface SampleContext {
  input: readonly SpecMember[];
  output: readonly SpecMember[];
  resolve: (name: string) => readonly SpecMember[] | undefined;
  overrides: Overrides;
  warnings: string[];
  infos: string[];
  problems: SpecProblem[];
}

/**
 * Upstream samples in order, typed by the members; a sample the overrides drop is left out (a note),
 * one they replace gives way to the curated sample, which must fit the members exactly.
 */
function actionSamples(action: string, examples: readonly SourceExample[], ctx: SampleContext): SpecSample[] {
  const samples: SpecSample[] = [];
  for (const example of examples) {
    const fate = ctx.overrides.sample(action, example.title.trim());
    if (fate && "drop" in fate) {
      ctx.infos.push(`${action} sample ${JSON.stringify(example.title.trim())} dropped by ${ctx.overrides.file}`);
      continue;
    }
    if (fate) {
      samples.push(curatedSample(fate.replace, fate.at, action, ctx));
      continue;
    }
    const converted = convertSamples(action, [example], ctx.input, ctx.output, ctx.resolve);
    ctx.warnings.push(...converted.warnings);
    samples.push(...converted.samples);
  }
  return samples;
}

function curatedSample(sample: SpecSample, at: string, action: string, ctx: SampleContext): SpecSample {
  const request = conformSample(sample.request, ctx.input, ctx.resolve, { request: true });
  const response = conformSample(sample.response, ctx.output, ctx.resolve, { extraKeys: ["RequestId"] });
  for (const [side, typed] of [
    ["request", request],
    ["response", response],
  ] as const) {
    for (const issue of typed.issues) {
      const [pointer, ...rest] = issue.split(": ");
      ctx.problems.push({
        file: ctx.overrides.file,
        path: `${at}/${side}${pointer}`,
        message: `sample for ${action} does not fit its members: ${rest.join(": ")}`,
      });
    }
  }
  return sample;
}

/** One warning for every placeholder example dropped, with counts per text and where the first ones were. */
function placeholderWarning(found: readonly { where: string; text: string }[]): string[] {
  if (found.length === 0) return [];
  const byText = new Map<string, number>();
  for (const { text } of found) byText.set(text, (byText.get(text) ?? 0) + 1);
  const counts = [...byText]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([t, n]) => `${JSON.stringify(t)} ×${n}`)
    .join(", ");
  const shown = found
    .slice(0, SHOWN)
    .map((f) => f.where)
    .join(", ");
  const more = found.length > SHOWN ? ` and ${found.length - SHOWN} more` : "";
  return [`${found.length} placeholder examples dropped (${counts}): ${shown}${more}`];
}

/**
 * Deprecated when the status says so, the summary uses a deprecation word, or a sentence of the
 * description does without speaking of a parameter (so "field X is deprecated" does not count).
 */
function isDeprecated(action: SourceAction, summary: string, description: string): boolean {
  if (action.status !== undefined && /deprecat|offline|disuse/i.test(action.status)) return true;
  if (DEPRECATION_WORDS.test(summary)) return true;
  return description
    .split(/(?<=[.!?])\s+|\n/)
    .some((sentence) => DEPRECATION_WORDS.test(sentence) && !/\b(parameter|field|member)s?\b/i.test(sentence));
}

function defaultTitle(source: BulkSource): string {
  const { metadata } = source.api;
  return metadata.serviceNameEN ?? metadata.serviceNameCN ?? metadata.serviceShortName;
}
