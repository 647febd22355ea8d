import { createHash } from "node:crypto";
import path from "node:path";
import type { ErrorsSpec } from "../spec/types.js";
import { canonicalJson } from "../spec/write-json.js";
import { compareCodeUnits } from "../support/code-units.js";
import { finishAction, resolveActions } from "./actions.js";
import { chooseNames, type NameScopes, serviceNames } from "./choose-names.js";
import { NameScope } from "./collisions.js";
import { resolveStateWaiters, resolveStreams } from "./extras.js";
import { CORE_ALIAS_PREFIX } from "./name-rule.js";
import { ProblemList } from "./problems.js";
import { CORE_NAMES, type CoreName } from "./reserved.js";
import type { ServiceSource, SpecsSource } from "./source.js";
import type { IrErrorCode, IrService, IrStructure } from "./types.js";
import { resolveMembers } from "./types-resolve.js";
import { resolveTaskWaiters } from "./waiters.js";

/**
 * Builds the IR of one service version: names (name-rule.ts), structures, error codes, actions,
 * waiters, streams and paginators, in that order, since each later step claims names in the scopes
 * and is checked against the earlier ones. Throws `SpecLoadError` listing every unresolved
 * reference and every name collision found, never just the first.
 */
export function buildServiceIr(specs: SpecsSource, source: ServiceSource): IrService {
  const specPath = source.dir.split(path.sep).join("/");
  const problems = new ProblemList(specPath);
  const { service } = source;
  const names = serviceNames(service.clientName, service.packageName);
  const scopes: NameScopes = {
    module: new NameScope("type", problems, "service.json"),
    client: new NameScope("client member", problems, "service.json"),
  };
  const sortedActions = [...source.actions].sort(byName);
  const chosen = chooseNames(service, names, sortedActions, source.structures, scopes, problems);
  const structures = [...source.structures].sort(byName).map((s): IrStructure => {
    const file = `structures/${s.name}.json`;
    return {
      name: s.name,
      typeName: chosen.structures.get(s.name) ?? s.name,
      description: s.description,
      usage: s.usage,
      members: resolveMembers(s.members, chosen.structures, problems, file, "/members"),
      file,
    };
  });

  const commonErrors = sortedCodes(specs.common);
  const serviceErrors = sortedCodes(source.errors).filter((e) => !(e.code in specs.common.codes));
  const allCodes = new Map([...commonErrors, ...serviceErrors].map((e) => [e.code, e]));
  const resolved = resolveActions(sortedActions, chosen, allCodes, problems);
  const byAction = new Map(resolved.map((a) => [a.spec.name, a]));
  for (const name of Object.keys(service.paginators)) {
    if (!byAction.has(name)) problems.add("service.json", `/paginators/${name}`, `unknown action "${name}"`);
  }
  const waiters = resolveTaskWaiters(service.waiters, byAction, scopes, problems);
  const stateWaiters = resolveStateWaiters(
    service.waiters,
    byAction,
    structures,
    problems,
    scopes.client,
    scopes.module,
  );
  const streams = resolveStreams(resolved, problems, scopes.module);
  const actions = resolved.map((a) => finishAction(a, service.paginators, waiters, scopes, problems));

  problems.throwIfAny();
  return {
    specPath,
    contentHash: contentHash(specs.common, source),
    name: service.name,
    title: service.title,
    version: service.version,
    isDefault: service.default === true,
    endpoint: service.endpoint,
    intlEndpoint: service.intlEndpoint,
    packageName: service.packageName,
    defaultRateLimit: service.defaultRateLimit,
    names,
    core: coreAliases(scopes),
    actions,
    structures,
    commonErrors,
    serviceErrors,
    waiters,
    stateWaiters,
    streams,
  };
}

/**
 * Rule 1 of name-rule.ts: a core name a spec name took is imported under a private alias. Method
 * names count: the modular form makes each one a module-level function (`operations.gen.ts`).
 */
function coreAliases(scopes: NameScopes): Record<CoreName, string> {
  return Object.fromEntries(
    CORE_NAMES.map((name) => [
      name,
      scopes.module.has(name) || scopes.client.has(name) ? `${CORE_ALIAS_PREFIX}${name}` : name,
    ]),
  ) as Record<CoreName, string>;
}

function sortedCodes(errors: ErrorsSpec): IrErrorCode[] {
  return Object.keys(errors.codes)
    .sort(compareCodeUnits)
    .map((code) => ({ code, description: errors.codes[code] ?? "" }));
}

function byName(a: { name: string }, b: { name: string }): number {
  return compareCodeUnits(a.name, b.name);
}

/** Hash of the parsed content, so reformatting a spec file does not change provenance. */
function contentHash(common: ErrorsSpec, source: ServiceSource): string {
  const content = {
    common,
    service: source.service,
    errors: source.errors,
    actions: [...source.actions].sort(byName),
    structures: [...source.structures].sort(byName),
  };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
