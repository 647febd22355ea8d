import type { SpecProblem } from "../../load/problems.js";
import { dictFrom } from "../../spec/dict.js";
import type { ActionSpec, ErrorsSpec, SpecMember, SpecSample, StructureSpec } from "../../spec/types.js";
import { compareCodeUnits } from "../../spec/write-json.js";
import { READ_ONLY_PREFIX } from "../bulk/build.js";
import { Overrides } from "../common/overrides/overrides.js";
import { conformSample } from "../common/typed-sample.js";
import type { ActionPage } from "./action-page.js";
import type { ErrorCodesPage } from "./errors-page.js";
import { uniqueMembers } from "./members.js";
import type { ProblemLog } from "./problems.js";
import { resolveStructures, toSpecMember } from "./resolve.js";
import { buildSamples } from "./samples.js";
import type { StructuresPage } from "./structures-page.js";

/** The pages of one run, by kind and by how they were found. */
export interface PageSet {
  actions: ActionPage[];
  /** Data-structures pages named on the command line, in order. */
  structures: StructuresPage[];
  /** Data-structures pages found beside an action page and not named. */
  besideStructures: StructuresPage[];
  /** Error-code pages named on the command line. */
  errorCodes: ErrorCodesPage[];
  /** Error-code pages found beside an action page and not named: used to check codes only. */
  besideErrorCodes: ErrorCodesPage[];
}

/** What a run imports, keyed to its service and version. */
export interface DocImport {
  service: string;
  version: string;
  /** Sorted by name, each with the page it came from. */
  actions: { spec: ActionSpec; page: ActionPage }[];
  /** Only the structures the actions reach, sorted by name. */
  structures: StructureSpec[];
  /** `Structure.Member` keys whose Required flag the page states; other structure members got a default. */
  requiredStated: ReadonlySet<string>;
  /** The page each structure was read from. */
  structureFiles: ReadonlyMap<string, string>;
  /** The service's error codes, when an error-code page was named. */
  errors?: ErrorsSpec;
  /** The (first) error-code page `errors` came from. */
  errorsFile?: string;
}

/**
 * Builds specs from the pages of one run. Returns `undefined` when the run has no action page to
 * take the service and version from; every problem found is in `log`.
 */
export function buildImport(
  pages: PageSet,
  log: ProblemLog,
  overrides: Overrides = Overrides.none(),
): DocImport | undefined {
  const [first] = pages.actions;
  const problems: SpecProblem[] = [];
  renameMembers(pages, overrides, problems);
  settleDuplicates(pages, log);
  if (!first) {
    // Still check the named structure pages, so `doc DataStructures.md` alone reports their faults.
    resolveStructures([], pages.structures, [], log);
    for (const page of pages.errorCodes) {
      log.error(
        page.file,
        1,
        "an error-code page needs an API reference page on the same command line to tell its service and version",
      );
    }
    return undefined;
  }
  checkOneService(pages.actions, log);
  checkUniqueActions(pages.actions, log);

  const resolved = resolveStructures(
    pages.actions,
    pages.structures,
    pages.besideStructures,
    log,
    (structure, members) => overrides.edit({ structure }, members, problems),
  );
  const resolve = (name: string) => resolved.members.get(name);
  const catalogue = [...pages.errorCodes, ...pages.besideErrorCodes];

  const actions = [...pages.actions]
    .sort((a, b) => compareCodeUnits(a.name, b.name))
    .map((page) => {
      const input = overrides.edit(
        { action: page.name, side: "input" },
        page.input.map((m) => toSpecMember(m, m.required ?? false)),
        problems,
      );
      // The page format has no "always present" column; the response lists what the service returns.
      const output = overrides.edit(
        { action: page.name, side: "output" },
        page.output.map((m) => toSpecMember(m, true)),
        problems,
      );
      checkErrorCodes(page, catalogue, log);
      const spec: ActionSpec = overrides.setAction({
        name: page.name,
        summary: page.summary,
        description: page.description,
        rateLimit: page.rateLimit,
        financialRegions: page.financialRegions,
        deprecated: page.deprecated,
        // One rule for both importers, so a page import never flips what the runtime may retry.
        readOnly: READ_ONLY_PREFIX.test(page.name),
        regionRequired: page.regionRequired,
        input,
        output,
        errors: page.errors.map((e) => e.code).sort(compareCodeUnits),
        // Typing samples needs every structure; with unresolved types they would only add noise.
        samples: log.hasErrors
          ? []
          : correctSamples(
              page.name,
              buildSamples(page.samples, { file: page.file, action: page.name, input, output, resolve, log }),
              {
                input,
                output,
                resolve,
                overrides,
                problems,
              },
            ),
      });
      return { spec, page };
    });

  const result: DocImport = {
    service: first.service,
    version: first.version,
    actions,
    structures: resolved.specs,
    requiredStated: resolved.requiredStated,
    structureFiles: resolved.sources,
  };
  const errors = serviceErrors(pages.errorCodes, log);
  if (errors) {
    result.errors = errors;
    result.errorsFile = pages.errorCodes[0]!.file;
  }
  dropErrorCodes(result, overrides);
  // A doc import reads a few pages: corrections for actions or structures not on them are not judged.
  const actionNames = new Set(actions.map((a) => a.spec.name));
  const structureNames = new Set(resolved.specs.map((s) => s.name));
  problems.push(
    ...overrides.unmatched((c) => {
      if ("member" in c && c.structure !== undefined) return structureNames.has(c.structure);
      if ("action" in c && c.action !== undefined) return actionNames.has(c.action);
      return errors !== undefined;
    }),
  );
  for (const p of problems) log.error(p.file, 1, `${p.path}: ${p.message}`);
  return result;
}

/** Renames from overrides.json, applied to the rows as read, so a rename can resolve a name listed twice. */
function renameMembers(pages: PageSet, overrides: Overrides, problems: SpecProblem[]): void {
  for (const page of pages.actions) {
    overrides.rename({ action: page.name, side: "input" }, page.input, problems);
    overrides.rename({ action: page.name, side: "output" }, page.output, problems);
  }
  for (const page of [...pages.structures, ...pages.besideStructures]) {
    for (const draft of page.structures.values()) overrides.rename({ structure: draft.name }, draft.members, problems);
  }
}

/**
 * A name still listed twice after the renames: an error on an action page; inside a structure, a
 * fault that counts only if an imported action reaches the structure.
 */
function settleDuplicates(pages: PageSet, log: ProblemLog): void {
  for (const page of pages.actions) {
    page.input = uniqueMembers(page.input, (line, message) => log.error(page.file, line, message));
    page.output = uniqueMembers(page.output, (line, message) => log.error(page.file, line, message));
  }
  for (const page of [...pages.structures, ...pages.besideStructures]) {
    for (const draft of page.structures.values()) {
      draft.members = uniqueMembers(
        draft.members,
        (line, message) => draft.faults.push({ file: draft.file, line, severity: "error", message }),
        draft.name,
      );
    }
  }
}

interface SampleCorrection {
  input: readonly SpecMember[];
  output: readonly SpecMember[];
  resolve: (name: string) => readonly SpecMember[] | undefined;
  overrides: Overrides;
  problems: SpecProblem[];
}

/** Drops or replaces samples as overrides.json says; a curated sample must fit the members exactly. */
function correctSamples(action: string, samples: readonly SpecSample[], ctx: SampleCorrection): SpecSample[] {
  const out: SpecSample[] = [];
  for (const sample of samples) {
    const fate = ctx.overrides.sample(action, sample.title);
    if (!fate) out.push(sample);
    else if ("replace" in fate) {
      for (const [side, typed] of [
        ["request", conformSample(fate.replace.request, ctx.input, ctx.resolve, { request: true })],
        ["response", conformSample(fate.replace.response, ctx.output, ctx.resolve, { extraKeys: ["RequestId"] })],
      ] as const) {
        for (const issue of typed.issues) {
          ctx.problems.push({
            file: ctx.overrides.file,
            path: `${fate.at}/${side}`,
            message: `sample for ${action} does not fit its members: ${issue}`,
          });
        }
      }
      out.push(fate.replace);
    }
  }
  return out;
}

function dropErrorCodes(result: DocImport, overrides: Overrides): void {
  const codes = dictFrom(Object.entries(result.errors?.codes ?? {}));
  const lists = dictFrom(result.actions.map((a) => [a.spec.name, a.spec.errors] as const));
  overrides.dropErrorCodes(codes, lists);
  if (result.errors) result.errors = { codes };
  for (const a of result.actions) a.spec.errors = [...(lists[a.spec.name] ?? [])];
}

function checkOneService(actions: readonly ActionPage[], log: ProblemLog): void {
  const [first] = actions;
  for (const page of actions) {
    if (page.service === first!.service && page.version === first!.version) continue;
    log.error(
      page.file,
      1,
      `page is for ${page.service} ${page.version} but ${first!.file} is for ${first!.service} ${first!.version}; import one service version per run`,
    );
  }
}

function checkUniqueActions(actions: readonly ActionPage[], log: ProblemLog): void {
  const seen = new Map<string, string>();
  for (const page of actions) {
    const other = seen.get(page.name);
    if (other) log.error(page.file, 1, `action ${page.name} is also described by ${other}`);
    else seen.set(page.name, page.file);
  }
}

/** Codes an action page lists but the error-code page does not know are likely typos or stale pages. */
function checkErrorCodes(page: ActionPage, catalogue: readonly ErrorCodesPage[], log: ProblemLog): void {
  if (catalogue.length === 0) return;
  const names = catalogue.map((c) => c.file).join(", ");
  for (const { code, line } of page.errors) {
    if (catalogue.some((c) => c.service.has(code) || c.common.has(code))) continue;
    log.warn(page.file, line, `error code ${code} is not listed in ${names}`);
  }
}

function serviceErrors(pages: readonly ErrorCodesPage[], log: ProblemLog): ErrorsSpec | undefined {
  if (pages.length === 0) return undefined;
  const codes = new Map<string, { description: string; file: string }>();
  for (const page of pages) {
    for (const [code, entry] of page.service) {
      const other = codes.get(code);
      if (other && other.description !== entry.description) {
        log.error(page.file, entry.line, `error code ${code} is also described, differently, by ${other.file}`);
      } else codes.set(code, { description: entry.description, file: page.file });
    }
  }
  const sorted = [...codes.keys()].sort(compareCodeUnits);
  return { codes: dictFrom(sorted.map((code) => [code, codes.get(code)!.description])) };
}
