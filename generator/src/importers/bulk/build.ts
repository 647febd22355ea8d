import path from "node:path";
import type { ActionSpec, ErrorsSpec, ServiceSpec, SpecMember, StructureSpec } from "../../spec/types.js";
import { compareCodeUnits } from "../../spec/write-json.js";
import { pointerSegment, type SpecProblem } from "../../load/problems.js";
import { firstLine, htmlToText } from "../common/html-text.js";
import { ImportError } from "../common/import-error.js";
import { MemberMapper } from "./members.js";
import { convertSamples } from "./samples.js";
import { streamField } from "./stream.js";
import { buildService } from "./service.js";
import type { BulkSource, SourceAction } from "./source.js";

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

/** Builds every spec of the service from its description; problems in the source throw {@link ImportError}. */
export function buildSpecs(source: BulkSource, existing: ExistingSpecs, commonCodes: ErrorsSpec["codes"]): BuiltSpecs {
  const apiFile = path.join(source.dir, "api.json");
  const errorsFile = path.join(source.dir, "errors.json");
  const problems: SpecProblem[] = [];
  const warnings: string[] = [];
  const infos: string[] = source.missing.map((f) => `${f} not found in ${source.dir}: defaults used`);
  const { api } = source;

  const ioObjects = new Set(Object.values(api.actions).flatMap((a) => [a.input, a.output]));
  const structureNames = new Set(Object.keys(api.objects).filter((n) => !ioObjects.has(n)));
  const mapper = new MemberMapper(apiFile, structureNames, problems);

  const structures: StructureSpec[] = [...structureNames].sort(compareCodeUnits).map((name) => {
    const object = api.objects[name]!;
    const usage = object.usage === "in" ? "input" : object.usage === "out" ? "output" : "both";
    return {
      name,
      description: htmlToText(object.document ?? ""),
      usage,
      members: mapper.members(name, object, usage === "output" ? "output" : "input"),
    };
  });
  const structureMembers = new Map(structures.map((s) => [s.name, s.members]));
  const resolve = (name: string): readonly SpecMember[] | undefined => structureMembers.get(name);

  const defaultRate = existing.service?.defaultRateLimit ?? 20;
  const actions: ActionSpec[] = [];
  for (const name of Object.keys(api.actions).sort(compareCodeUnits)) {
    const action = api.actions[name]!;
    const at = `/actions/${pointerSegment(name)}`;
    const inputObject = api.objects[action.input];
    const outputObject = api.objects[action.output];
    if (!inputObject) problems.push({ file: apiFile, path: `${at}/input`, message: `object "${action.input}" not found` });
    if (!outputObject) problems.push({ file: apiFile, path: `${at}/output`, message: `object "${action.output}" not found` });
    if (!inputObject || !outputObject) continue;

    const input = mapper.members(action.input, inputObject, "input");
    const output = mapper.members(action.output, outputObject, "output", true);
    const errors = [...new Set(source.errors.actions[name] ?? [])].sort(compareCodeUnits);
    errors.forEach((code) => {
      if (!(code in source.errors.codes) && !(code in commonCodes)) {
        problems.push({ file: errorsFile, path: `/actions/${pointerSegment(name)}`, message: `code "${code}" is neither a service nor a common error code` });
      }
    });
    const converted = convertSamples(name, source.examples[name] ?? [], input, output, resolve);
    warnings.push(...converted.warnings);
    const limit = source.limits[name];
    const description = htmlToText(action.document);
    const summary = firstLine(htmlToText(action.name)) || firstLine(description);
    actions.push({
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
      samples: converted.samples,
      ...streamField(input),
    });
  }
  for (const name of Object.keys(source.examples)) {
    if (!(name in api.actions)) warnings.push(`examples.json has samples for unknown action ${name}, ignored`);
  }
  for (const name of Object.keys(source.limits)) {
    if (!(name in api.actions)) warnings.push(`limits.json has a limit for unknown action ${name}, ignored`);
  }
  if (problems.length > 0) throw new ImportError(source.dir, problems);

  const built = buildService(
    { name: api.metadata.serviceShortName, version: api.metadata.apiVersion, title: defaultTitle(source) },
    existing.service,
    actions,
  );
  return {
    service: built.service,
    errors: { codes: Object.fromEntries(Object.entries(source.errors.codes).map(([c, d]) => [c, d.trim()])) },
    actions,
    structures,
    warnings: [...warnings, ...built.warnings],
    infos: [...infos, ...built.infos],
  };
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
