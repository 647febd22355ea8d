import type { ActionSpec, ServiceSpec } from "../spec/types.js";
import { compareCodeUnits } from "../support/code-units.js";
import type { ChosenNames, NameScopes } from "./choose-names.js";
import type { NameOrigin } from "./collisions.js";
import { camelCase } from "./naming.js";
import { resolvePaginator } from "./paginators.js";
import type { ProblemList } from "./problems.js";
import { REQUEST_ID } from "./reserved.js";
import type { IrAction, IrErrorCode, IrMember, IrWaiter } from "./types.js";
import { resolveMembers } from "./types-resolve.js";

/** An action with its members and codes resolved: what waiters, streams and paginators are checked against. */
export interface ResolvedAction {
  readonly spec: ActionSpec;
  readonly file: string;
  readonly methodName: string;
  readonly input: readonly IrMember[];
  readonly output: readonly IrMember[];
  readonly errors: readonly IrErrorCode[];
}

/**
 * Resolves each action's members (structure references) and error codes against the service's and
 * the common codes; a spec output declaring `RequestId`, which every response gets, is reported.
 */
export function resolveActions(
  actions: readonly ActionSpec[],
  names: ChosenNames,
  codes: ReadonlyMap<string, IrErrorCode>,
  problems: ProblemList,
): ResolvedAction[] {
  return actions.map((a) => {
    const file = `actions/${a.name}.json`;
    const clash = a.output.findIndex((m) => m.name === REQUEST_ID);
    if (clash !== -1)
      problems.add(
        file,
        `/output/${clash}/name`,
        `"${REQUEST_ID}" is added to every response; the spec output must not declare it`,
      );
    return {
      spec: a,
      file,
      methodName: names.methods.get(a.name) ?? camelCase(a.name),
      input: resolveMembers(a.input, names.structures, problems, file, "/input"),
      output: resolveMembers(a.output, names.structures, problems, file, "/output"),
      errors: actionErrors(a, codes, problems, file),
    };
  });
}

/** The IR action: the resolved action with its paginator (whose names are claimed) and the waiters tracking it. */
export function finishAction(
  a: ResolvedAction,
  paginators: ServiceSpec["paginators"],
  waiters: readonly IrWaiter[],
  scopes: NameScopes,
  problems: ProblemList,
): IrAction {
  const { spec } = a;
  const paginatorSpec = paginators[spec.name];
  const paginator =
    paginatorSpec && resolvePaginator(paginatorSpec, { name: spec.name, input: a.input, output: a.output }, problems);
  if (paginator) {
    const origin: NameOrigin = {
      file: "service.json",
      path: `/paginators/${spec.name}`,
      what: `paginator of ${spec.name}`,
    };
    scopes.client.claim(paginator.methodName, origin);
    scopes.module.claim(paginator.metaName, origin);
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
