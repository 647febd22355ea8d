import type { ActionSpec, ServiceSpec, StructureSpec } from "../spec/types.js";
import { compareCodeUnits } from "../support/code-units.js";
import type { NameOrigin, NameScope } from "./collisions.js";
import { GLOBAL_NAMES, isReservedMethodName, METHOD_SUFFIX, STRUCTURE_SUFFIX } from "./name-rule.js";
import { camelCase, servicePrefix, unscopedName } from "./naming.js";
import type { ProblemList } from "./problems.js";
import { CLIENT_MEMBERS, COMMON_ERROR_CODE, MODULE_VALUES } from "./reserved.js";
import type { IrNames } from "./types.js";

/** The two scopes every generated name is claimed in: module-level types and values, and client members. */
export interface NameScopes {
  readonly module: NameScope;
  readonly client: NameScope;
}

/** The TypeScript names chosen for a service's actions and structures, by wire name. */
export interface ChosenNames {
  readonly methods: ReadonlyMap<string, string>;
  readonly structures: ReadonlyMap<string, string>;
}

/** Method names rule 3 of name-rule.ts reserves: core client members and the values standalone functions live beside. */
const RESERVED_METHODS: readonly string[] = [...CLIENT_MEMBERS, ...MODULE_VALUES];

/** Service-wide names, all derived from `clientName` (and the package name for the bin). */
export function serviceNames(clientName: string, packageName: string): IrNames {
  const prefix = servicePrefix(clientName);
  return {
    prefix,
    client: clientName,
    baseClient: `${clientName.replace(/Client$/, "")}BaseClient`,
    serviceErrorCode: `${prefix}ErrorCode`,
    errorGuard: `is${prefix}Error`,
    actionErrorCodes: `${prefix}ActionErrorCodes`,
    errorType: `${prefix}Error`,
    mockBin: `${unscopedName(packageName)}-mock`,
  };
}

/**
 * Rules 2–4 of name-rule.ts, in the order names are claimed: the service-wide names and core's
 * client members first, then every action's method and types, then the structures (maintainer
 * choices before derived names), so a collision report names the same first claimant on every run.
 * Choices naming no action or structure, and reserved chosen method names, are reported.
 */
export function chooseNames(
  service: Pick<ServiceSpec, "names">,
  names: IrNames,
  actions: readonly ActionSpec[],
  structures: readonly StructureSpec[],
  scopes: NameScopes,
  problems: ProblemList,
): ChosenNames {
  claimServiceNames(scopes.module, names);
  const chosen = service.names ?? {};
  for (const member of CLIENT_MEMBERS)
    scopes.client.claim(member, { file: "", path: "", what: "core ServiceClient member" });
  for (const value of MODULE_VALUES) scopes.client.claim(value, { file: "", path: "", what: "generated module value" });
  // Rule 3: a reserved method name takes a suffix; a chosen one is used as is.
  const methods = new Map(
    actions.map((a) => {
      const picked = chosen.methods?.[a.name];
      if (picked !== undefined) return [a.name, picked];
      const derived = camelCase(a.name);
      return [a.name, isReservedMethodName(derived, RESERVED_METHODS) ? `${derived}${METHOD_SUFFIX}` : derived];
    }),
  );
  for (const a of actions) claimActionNames(scopes, a, methods.get(a.name) ?? "", `actions/${a.name}.json`);

  // Rule 2: a structure whose name is taken by a generated name or a global is emitted with a suffix.
  const chosenStructures = new Map(
    structures.map((s) => {
      const picked = chosen.structures?.[s.name];
      if (picked !== undefined) return [s.name, picked];
      return [s.name, scopes.module.has(s.name) || GLOBAL_NAMES.has(s.name) ? `${s.name}${STRUCTURE_SUFFIX}` : s.name];
    }),
  );
  for (const picked of [true, false]) {
    for (const s of [...structures].sort((a, b) => compareCodeUnits(a.name, b.name))) {
      if ((chosen.structures?.[s.name] !== undefined) !== picked) continue;
      const typeName = chosenStructures.get(s.name) ?? s.name;
      scopes.module.claim(typeName, { file: `structures/${s.name}.json`, path: "/name", what: `structure ${s.name}` });
    }
  }
  for (const [wire, typeName] of Object.entries(chosen.structures ?? {})) {
    if (!chosenStructures.has(wire))
      problems.add(
        "service.json",
        `/names/structures/${wire}`,
        `unknown structure "${wire}" (chosen name ${typeName})`,
      );
  }
  for (const [wire, method] of Object.entries(chosen.methods ?? {})) {
    if (!methods.has(wire))
      problems.add("service.json", `/names/methods/${wire}`, `unknown action "${wire}" (chosen name ${method})`);
    else if (isReservedMethodName(method, RESERVED_METHODS)) {
      problems.add(
        "service.json",
        `/names/methods/${wire}`,
        `chosen name "${method}" is reserved (core client, generated module value, Object.prototype or a reserved word)`,
      );
    }
  }
  return { methods, structures: chosenStructures };
}

function claimServiceNames(scope: NameScope, names: IrNames): void {
  const generated: Array<[string, string]> = [
    [COMMON_ERROR_CODE, "common error code union"],
    [names.client, "client class"],
    [names.baseClient, "bare client class"],
    [names.serviceErrorCode, "service error code union"],
    [names.errorGuard, "error type guard"],
    [names.actionErrorCodes, "action error code map"],
    [names.errorType, "service error type"],
  ];
  for (const [name, what] of generated) scope.claim(name, { file: "service.json", path: "/clientName", what });
}

function claimActionNames(scopes: NameScopes, a: ActionSpec, methodName: string, file: string): void {
  const origin = (what: string): NameOrigin => ({ file, path: "/name", what: `${what} of action ${a.name}` });
  scopes.module.claim(`${a.name}Request`, origin("request type"));
  scopes.module.claim(`${a.name}Response`, origin("response type"));
  scopes.module.claim(`${a.name}ErrorCode`, origin("error code union"));
  scopes.client.claim(methodName, origin("client method"));
}
