import { createHash } from "node:crypto";
import path from "node:path";
import { isStateWaiterSpec, type ActionSpec, type ErrorsSpec } from "../spec/types.js";
import { canonicalJson, compareCodeUnits } from "../spec/write-json.js";
import { NameScope, type NameOrigin } from "./collisions.js";
import { camelCase, servicePrefix, unscopedName } from "./naming.js";
import { resolvePaginator } from "./paginators.js";
import { ProblemList } from "./problems.js";
import { CLIENT_MEMBERS, COMMON_ERROR_CODE, CORE_NAMES, REQUEST_ID } from "./reserved.js";
import type { ServiceSource, SpecsSource } from "./source.js";
import { resolveMembers, type StructureNames } from "./types-resolve.js";
import type { IrAction, IrErrorCode, IrNames, IrService, IrStructure, IrWaiter } from "./types.js";
import { resolveWaiter } from "./waiters.js";
import { resolveStateWaiters, resolveStreams } from "./extras.js";

/**
 * Builds the IR of one service version. Throws `SpecLoadError` listing every
 * unresolved reference and every name collision found, never just the first.
 */
export function buildServiceIr(specs: SpecsSource, source: ServiceSource): IrService {
  const specPath = source.dir.split(path.sep).join("/");
  const problems = new ProblemList(specPath);
  const { service } = source;
  const names = serviceNames(service.clientName, service.packageName);
  const moduleScope = new NameScope("type", problems, "service.json");
  claimServiceNames(moduleScope, names);

  const structureNames: StructureNames = new Map(source.structures.map((s) => [s.name, s.name]));
  const structures = [...source.structures].sort(byName).map((s): IrStructure => {
    const file = `structures/${s.name}.json`;
    moduleScope.claim(s.name, { file, path: "/name", what: `structure ${s.name}` });
    return {
      name: s.name,
      typeName: s.name,
      description: s.description,
      usage: s.usage,
      members: resolveMembers(s.members, structureNames, problems, file, "/members"),
      file,
    };
  });

  const commonErrors = sortedCodes(specs.common);
  const serviceErrors = sortedCodes(source.errors).filter((e) => !(e.code in specs.common.codes));
  const allCodes = new Map([...commonErrors, ...serviceErrors].map((e) => [e.code, e]));

  const clientScope = new NameScope("client member", problems, "service.json");
  for (const member of CLIENT_MEMBERS) clientScope.claim(member, { file: "", path: "", what: "core ServiceClient member" });

  const partial = [...source.actions].sort(byName).map((a) => {
    const file = `actions/${a.name}.json`;
    const action = {
      spec: a,
      file,
      methodName: camelCase(a.name),
      input: resolveMembers(a.input, structureNames, problems, file, "/input"),
      output: resolveMembers(a.output, structureNames, problems, file, "/output"),
      requestIdClash: a.output.findIndex((m) => m.name === REQUEST_ID),
      errors: actionErrors(a, allCodes, problems, file),
    };
    claimActionNames(moduleScope, clientScope, a, action.methodName, file);
    if (action.requestIdClash !== -1) {
      problems.add(file, `/output/${action.requestIdClash}/name`, `"${REQUEST_ID}" is added to every response; the spec output must not declare it`);
    }
    return action;
  });
  const byAction = new Map(partial.map((a) => [a.spec.name, a]));

  for (const name of Object.keys(service.paginators)) {
    if (!byAction.has(name)) problems.add("service.json", `/paginators/${name}`, `unknown action "${name}"`);
  }
  const waiters: IrWaiter[] = Object.keys(service.waiters)
    .sort(compareCodeUnits)
    .flatMap((name) => {
      const spec = service.waiters[name];
      if (!spec || isStateWaiterSpec(spec)) return [];
      const waiter = resolveWaiter(name, spec, byAction, problems);
      if (!waiter) return [];
      const origin: NameOrigin = { file: "service.json", path: `/waiters/${name}`, what: `waiter ${name}` };
      clientScope.claim(waiter.methodName, origin);
      moduleScope.claim(waiter.metaName, origin);
      moduleScope.claim(waiter.targetTypeName, origin);
      return [waiter];
    });

  const stateWaiters = resolveStateWaiters(service.waiters, byAction, structures, problems, clientScope, moduleScope);
  const streams = resolveStreams(partial.map((a) => ({ spec: a.spec, file: a.file, input: a.input })), problems, moduleScope);

  const actions = partial.map((a): IrAction => {
    const { spec } = a;
    const paginatorSpec = service.paginators[spec.name];
    const paginator = paginatorSpec && resolvePaginator(paginatorSpec, { name: spec.name, input: a.input, output: a.output }, problems);
    if (paginator) {
      const origin: NameOrigin = { file: "service.json", path: `/paginators/${spec.name}`, what: `paginator of ${spec.name}` };
      clientScope.claim(paginator.methodName, origin);
      moduleScope.claim(paginator.metaName, origin);
    }
    return {
      name: spec.name,
      methodName: a.methodName,
      requestType: `${spec.name}Request`,
      responseType: `${spec.name}Response`,
      errorCodeType: `${spec.name}ErrorCode`,
      summary: spec.summary,
      description: spec.description,
      rateLimit: spec.rateLimit,
      readOnly: spec.readOnly,
      deprecated: spec.deprecated,
      financialRegions: spec.financialRegions,
      regionRequired: spec.regionRequired,
      input: a.input,
      output: a.output,
      errors: a.errors,
      samples: spec.samples.map((s) => ({
        title: s.title,
        ...(s.description !== undefined ? { description: s.description } : {}),
        request: s.request,
        response: s.response,
      })),
      ...(paginator ? { paginator } : {}),
      trackedBy: waiters.filter((w) => w.trackedActions.includes(spec.name)).map((w) => w.methodName),
      file: a.file,
    };
  });

  problems.throwIfAny();
  return {
    specPath,
    contentHash: contentHash(specs.common, source),
    name: service.name,
    title: service.title,
    version: service.version,
    endpoint: service.endpoint,
    intlEndpoint: service.intlEndpoint,
    packageName: service.packageName,
    defaultRateLimit: service.defaultRateLimit,
    names,
    actions,
    structures,
    commonErrors,
    serviceErrors,
    waiters,
    stateWaiters,
    streams,
  };
}

function serviceNames(clientName: string, packageName: string): IrNames {
  const prefix = servicePrefix(clientName);
  return {
    prefix,
    client: clientName,
    serviceErrorCode: `${prefix}ErrorCode`,
    errorGuard: `is${prefix}Error`,
    actionErrorCodes: `${prefix}ActionErrorCodes`,
    errorType: `${prefix}Error`,
    mockBin: `${unscopedName(packageName)}-mock`,
  };
}

function claimServiceNames(scope: NameScope, names: IrNames): void {
  for (const core of CORE_NAMES) scope.claim(core, { file: "", path: "", what: `@org/tc-core export ${core}` });
  const generated: Array<[string, string]> = [
    [COMMON_ERROR_CODE, "common error code union"],
    [names.client, "client class"],
    [names.serviceErrorCode, "service error code union"],
    [names.errorGuard, "error type guard"],
    [names.actionErrorCodes, "action error code map"],
    [names.errorType, "service error type"],
  ];
  for (const [name, what] of generated) scope.claim(name, { file: "service.json", path: "/clientName", what });
}

function claimActionNames(types: NameScope, client: NameScope, a: ActionSpec, methodName: string, file: string): void {
  const origin = (what: string): NameOrigin => ({ file, path: "/name", what: `${what} of action ${a.name}` });
  types.claim(`${a.name}Request`, origin("request type"));
  types.claim(`${a.name}Response`, origin("response type"));
  types.claim(`${a.name}ErrorCode`, origin("error code union"));
  client.claim(methodName, origin("client method"));
}

function actionErrors(
  a: ActionSpec,
  codes: ReadonlyMap<string, IrErrorCode>,
  problems: ProblemList,
  file: string,
): IrErrorCode[] {
  const out: IrErrorCode[] = [];
  a.errors.forEach((code, i) => {
    const found = codes.get(code);
    if (found) out.push(found);
    else problems.add(file, `/errors/${i}`, `unknown error code "${code}" (not in errors.json nor common/errors.json)`);
  });
  return out.sort((x, y) => compareCodeUnits(x.code, y.code));
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
