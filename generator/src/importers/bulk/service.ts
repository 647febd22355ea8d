import { dict, dictFrom } from "../../spec/dict.js";
import {
  type ActionSpec,
  type AnyWaiterSpec,
  isStateWaiterSpec,
  type PaginatorSpec,
  type ServiceSpec,
  type SpecMember,
  type WaiterSpec,
} from "../../spec/types.js";
import { compareCodeUnits } from "../../spec/write-json.js";
import { isEnglishTitle } from "./title.js";

/** Defaults for a service seen for the first time; a committed service.json overrides each of them. */
export interface ServiceDefaults {
  name: string;
  version: string;
  title: string;
}

/** The service file and notes about decisions a maintainer may want to review. */
export interface BuiltService {
  service: ServiceSpec;
  warnings: string[];
  infos: string[];
}

/**
 * Builds service.json. Hand-curated fields of the existing file are kept (title, endpoints,
 * package and client names, default rate limit, waiter definitions, paginator overrides); what
 * the actions determine is recomputed: each waiter's tracked actions and the detected paginators.
 */
export function buildService(
  defaults: ServiceDefaults,
  existing: ServiceSpec | undefined,
  actions: readonly ActionSpec[],
): BuiltService {
  const warnings: string[] = [];
  const infos: string[] = [];
  const { name } = defaults;
  const waiters: Record<string, AnyWaiterSpec> = {};
  for (const [waiterName, waiter] of Object.entries(existing?.waiters ?? {})) {
    // State waiters are curated whole; only task waiters have derived tracked actions.
    waiters[waiterName] = isStateWaiterSpec(waiter)
      ? waiter
      : { ...waiter, trackedActions: trackedActions(waiter, actions) };
  }
  const service: ServiceSpec = {
    // Curated fields this importer does not compute (`default`, chosen names, …) are kept as they are.
    ...existing,
    name,
    version: defaults.version,
    title: existing?.title ?? defaults.title,
    endpoint: existing?.endpoint ?? `${name}.tencentcloudapi.com`,
    intlEndpoint: existing?.intlEndpoint ?? `${name}.intl.tencentcloudapi.com`,
    packageName: existing?.packageName ?? `@org/tc-${name}`,
    clientName: existing?.clientName ?? `${pascalCase(name)}Client`,
    defaultRateLimit: existing?.defaultRateLimit ?? 20,
    // Curated choices the generator reads (default version, chosen names) survive a re-import.
    ...(existing?.default !== undefined ? { default: existing.default } : {}),
    ...(existing?.names !== undefined ? { names: existing.names } : {}),
    waiters,
    paginators: paginators(existing?.paginators ?? {}, actions, warnings, infos),
  };
  if (!isEnglishTitle(service.title)) {
    warnings.push(
      `service.json title ${JSON.stringify(service.title)} is not an English title (upstream gives only ${JSON.stringify(defaults.title)}): ` +
        'a maintainer should set "title" in service.json; re-imports keep it',
    );
  }
  return { service, warnings, infos };
}

/**
 * Actions whose response carries the waiter's input, e.g. a `TaskId`. Numbers of either kind
 * count: upstream types some task ids as float (Redis `DeleteReplicationInstance`).
 */
function trackedActions(waiter: WaiterSpec, actions: readonly ActionSpec[]): string[] {
  return actions
    .filter((a) => a.name !== waiter.action)
    .filter((a) =>
      a.output.some((m) => m.name === waiter.input && (m.type.kind === "integer" || m.type.kind === "float")),
    )
    .map((a) => a.name)
    .sort(compareCodeUnits);
}

const TOTAL_NAME = /^Total(Count|Num|Number)?$/;

function paginators(
  curated: Record<string, PaginatorSpec>,
  actions: readonly ActionSpec[],
  warnings: string[],
  infos: string[],
): Record<string, PaginatorSpec> {
  const out = dict<PaginatorSpec>();
  const byName = new Map(actions.map((a) => [a.name, a]));
  for (const action of actions) {
    const detected = detectPaginator(action, infos);
    if (detected) out[action.name] = detected;
  }
  for (const [actionName, paginator] of Object.entries(curated)) {
    const action = byName.get(actionName);
    const stale = action ? staleReason(action, paginator) : "the action no longer exists";
    if (stale) {
      warnings.push(`service.json paginator ${actionName} dropped: ${stale}`);
      continue;
    }
    out[actionName] = paginator;
  }
  return dictFrom(Object.entries(out).sort(([a], [b]) => compareCodeUnits(a, b)));
}

/**
 * `Offset`+`Limit` integer inputs and exactly one non-deprecated list output make a paginator;
 * an integer output named `Total`/`TotalCount`/… becomes its total when there is exactly one.
 */
function detectPaginator(action: ActionSpec, infos: string[]): PaginatorSpec | undefined {
  const isInt = (m: SpecMember | undefined) => m?.type.kind === "integer";
  if (!isInt(action.input.find((m) => m.name === "Offset")) || !isInt(action.input.find((m) => m.name === "Limit"))) {
    return undefined;
  }
  const lists = action.output.filter((m) => m.type.kind === "list" && !m.deprecated);
  if (lists.length !== 1) {
    const found = lists.length === 0 ? "no list output" : `list outputs ${lists.map((m) => m.name).join(", ")}`;
    infos.push(`${action.name} has Offset/Limit but ${found}: no paginator unless curated in service.json`);
    return undefined;
  }
  const paginator: PaginatorSpec = { offset: "Offset", limit: "Limit", items: lists[0]!.name };
  const totals = action.output.filter((m) => isInt(m) && TOTAL_NAME.test(m.name));
  if (totals.length === 1) paginator.total = totals[0]!.name;
  else if (totals.length > 1)
    infos.push(`${action.name}: several total members (${totals.map((m) => m.name).join(", ")}), total left out`);
  return paginator;
}

/** Why a curated paginator no longer fits its action, or undefined when it still does. */
function staleReason(action: ActionSpec, p: PaginatorSpec): string | undefined {
  const input = (n: string) => action.input.find((m) => m.name === n);
  const output = (n: string) => action.output.find((m) => m.name === n);
  if (input(p.offset)?.type.kind !== "integer") return `no integer input "${p.offset}"`;
  if (input(p.limit)?.type.kind !== "integer") return `no integer input "${p.limit}"`;
  if (output(p.items)?.type.kind !== "list") return `no list output "${p.items}"`;
  if (p.total !== undefined && output(p.total)?.type.kind !== "integer") return `no integer output "${p.total}"`;
  return undefined;
}

/** `redis` → `Redis`, `tke-edge` → `TkeEdge`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}
