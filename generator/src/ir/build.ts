import { createHash } from "node:crypto";
import path from "node:path";
import { type ActionSpec, type ErrorsSpec, isStateWaiterSpec } from "../spec/types.js";
import { canonicalJson, compareCodeUnits } from "../spec/write-json.js";
import { type NameOrigin, NameScope } from "./collisions.js";
import { resolveStateWaiters, resolveStreams } from "./extras.js";
import { CORE_ALIAS_PREFIX, GLOBAL_NAMES, isReservedMethodName, METHOD_SUFFIX, STRUCTURE_SUFFIX } from "./name-rule.js";
import { camelCase, servicePrefix, unscopedName } from "./naming.js";
import { resolvePaginator } from "./paginators.js";
import { ProblemList } from "./problems.js";
import { CLIENT_MEMBERS, COMMON_ERROR_CODE, CORE_NAMES, type CoreName, REQUEST_ID } from "./reserved.js";
import type { ServiceSource, SpecsSource } from "./source.js";
import type { IrAction, IrErrorCode, IrNames, IrService, IrStructure, IrWaiter } from "./types.js";
import { resolveMembers, type StructureNames } from "./types-resolve.js";
import { resolveWaiter } from "./waiters.js";

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
  const chosen = service.names ?? {};

  // Rule 3 of name-rule.ts: a reserved method name takes a suffix; a chosen one is used as is.
  const clientScope = new NameScope("client member", problems, "service.json");
  for (const member of CLIENT_MEMBERS)
    clientScope.claim(member, { file: "", path: "", what: "core ServiceClient member" });
  const sortedActions = [...source.actions].sort(byName);
  const methodNames = new Map(
    sortedActions.map((a) => {
      const picked = chosen.methods?.[a.name];
      if (picked !== undefined) return [a.name, picked];
      const derived = camelCase(a.name);
      return [a.name, isReservedMethodName(derived, CLIENT_MEMBERS) ? `${derived}${METHOD_SUFFIX}` : derived];
    }),
  );
  for (const a of sortedActions)
    claimActionNames(moduleScope, clientScope, a, methodNames.get(a.name) ?? "", `actions/${a.name}.json`);

  // Rule 2: a structure whose name is taken by a generated name or a global is emitted with a suffix.
  const structureNames = new Map(
    source.structures.map((s) => {
      const picked = chosen.structures?.[s.name];
      if (picked !== undefined) return [s.name, picked];
      return [s.name, moduleScope.has(s.name) || GLOBAL_NAMES.has(s.name) ? `${s.name}${STRUCTURE_SUFFIX}` : s.name];
    }),
  );
  for (const picked of [true, false]) {
    for (const s of [...source.structures].sort(byName)) {
      if ((chosen.structures?.[s.name] !== undefined) !== picked) continue;
      const typeName = structureNames.get(s.name) ?? s.name;
      moduleScope.claim(typeName, { file: `structures/${s.name}.json`, path: "/name", what: `structure ${s.name}` });
    }
  }
  for (const [wire, typeName] of Object.entries(chosen.structures ?? {})) {
    if (!structureNames.has(wire))
      problems.add(
        "service.json",
        `/names/structures/${wire}`,
        `unknown structure "${wire}" (chosen name ${typeName})`,
      );
  }
  for (const [wire, method] of Object.entries(chosen.methods ?? {})) {
    if (!methodNames.has(wire))
      problems.add("service.json", `/names/methods/${wire}`, `unknown action "${wire}" (chosen name ${method})`);
    else if (isReservedMethodName(method, CLIENT_MEMBERS)) {
      problems.add(
        "service.json",
        `/names/methods/${wire}`,
        `chosen name "${method}" is reserved (core client, Object.prototype or a reserved word)`,
      );
    }
  }
  const structures = [...source.structures].sort(byName).map((s): IrStructure => {
    const file = `structures/${s.name}.json`;
    return {
      name: s.name,
      typeName: structureNames.get(s.name) ?? s.name,
      description: s.description,
      usage: s.usage,
      members: resolveMembers(s.members, structureNames, problems, file, "/members"),
      file,
    };
  });

  const commonErrors = sortedCodes(specs.common);
  const serviceErrors = sortedCodes(source.errors).filter((e) => !(e.code in specs.common.codes));
  const allCodes = new Map([...commonErrors, ...serviceErrors].map((e) => [e.code, e]));

  const partial = sortedActions.map((a) => {
    const file = `actions/${a.name}.json`;
    const action = {
      spec: a,
      file,
      methodName: methodNames.get(a.name) ?? camelCase(a.name),
      input: resolveMembers(a.input, structureNames, problems, file, "/input"),
      output: resolveMembers(a.output, structureNames, problems, file, "/output"),
      requestIdClash: a.output.findIndex((m) => m.name === REQUEST_ID),
      errors: actionErrors(a, allCodes, problems, file),
    };
    if (action.requestIdClash !== -1) {
      problems.add(
        file,
        `/output/${action.requestIdClash}/name`,
        `"${REQUEST_ID}" is added to every response; the spec output must not declare it`,
      );
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
  const streams = resolveStreams(
    partial.map((a) => ({ spec: a.spec, file: a.file, input: a.input })),
    problems,
    moduleScope,
  );

  const actions = partial.map((a): IrAction => {
    const { spec } = a;
    const paginatorSpec = service.paginators[spec.name];
    const paginator =
      paginatorSpec && resolvePaginator(paginatorSpec, { name: spec.name, input: a.input, output: a.output }, problems);
    if (paginator) {
      const origin: NameOrigin = {
        file: "service.json",
        path: `/paginators/${spec.name}`,
        what: `paginator of ${spec.name}`,
      };
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
  // Rule 1: a core name a spec name took is imported under a private alias.
  const core = Object.fromEntries(
    CORE_NAMES.map((name) => [name, moduleScope.has(name) ? `${CORE_ALIAS_PREFIX}${name}` : name]),
  ) as Record<CoreName, string>;
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
    core,
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
