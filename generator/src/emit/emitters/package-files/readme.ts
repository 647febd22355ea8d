import { readFileSync } from "node:fs";
import path from "node:path";
import type { IrAction, IrPackage, IrService, IrWaiter } from "../../../ir/index.js";
import { literalText } from "../../support/example.js";
import { actionNamed, requestOptional } from "../../support/names.js";
import { markdownText } from "../../support/text.js";
import { paginated } from "../paginators.js";
import { readmeVersions } from "./readme-versions.js";
import { TEMPLATES_DIR } from "./templates.js";

/** Install footprint of one package as the publish test measured it, for its README. */
interface MeasuredSize {
  readonly packed: string;
  readonly unpacked: string;
  readonly installed: string;
}

let measuredSizes: Readonly<Record<string, MeasuredSize>> | undefined;

/** `templates/measured-sizes.json`, read once; packages without an entry get no size line. */
function measuredSize(packageName: string): MeasuredSize | undefined {
  measuredSizes ??= JSON.parse(readFileSync(path.join(TEMPLATES_DIR, "measured-sizes.json"), "utf8")) as Record<
    string,
    MeasuredSize
  >;
  return Object.hasOwn(measuredSizes, packageName) ? measuredSizes[packageName] : undefined;
}

/**
 * Data the README template renders: the package's identity, then one section per concern (quick
 * start, errors, waiting, pagination, validation), each with an example chosen from the IR.
 */
export function readmeView(pkg: IrPackage, header: string): object {
  const ir = pkg.defaultVersion;
  const listing = mainListing(ir);
  const quick =
    listing ?? ir.actions.find((a) => a.readOnly && requestOptional(a) && a.samples.length > 0) ?? ir.actions[0];
  return {
    header,
    packageName: pkg.packageName,
    title: markdownText(pkg.title),
    version: ir.version,
    versions: readmeVersions(pkg),
    multiVersion: pkg.versions.length > 1,
    endpoint: ir.endpoint,
    intlEndpoint: ir.intlEndpoint,
    clientName: ir.names.client,
    errorGuard: ir.names.errorGuard,
    serviceErrorCode: ir.names.serviceErrorCode,
    mockBin: ir.names.mockBin,
    installSize: measuredSize(pkg.packageName),
    actionCount: ir.actions.length,
    quickStart: quick && { name: quick.name, methodName: quick.methodName, request: requestArgument(quick) },
    errorExample: errorExample(ir, quick),
    ...waiterSection(ir, ir.waiters[0]),
    ...paginatorSection(ir, listing),
    validationExample: validationExample(ir),
  };
}

/** The error-handling example: the waiter's polled action, else one with its own codes, else the quick start's. */
function errorExample(ir: IrService, quick: IrAction | undefined): object | undefined {
  const waiter = ir.waiters[0];
  const action = (waiter && actionNamed(ir, waiter.action)) ?? ir.actions.find((a) => a.errors.length > 0) ?? quick;
  return (
    action && { methodName: action.methodName, request: requestArgument(action), code: action.errors[0]?.code ?? "" }
  );
}

/** The waiting section: the first task waiter, started by the tracked action needing the fewest members. */
function waiterSection(
  ir: IrService,
  waiter: IrWaiter | undefined,
): { waiter: object | undefined; taskActionCount: number } {
  const tracked = waiter ? waiter.trackedActions.map((name) => actionNamed(ir, name)) : [];
  const starter = [...tracked].sort((a, b) => requiredCount(a) - requiredCount(b))[0];
  return {
    waiter: waiter && {
      input: waiter.input,
      methodName: waiter.methodName,
      actionMethod: actionNamed(ir, waiter.action).methodName,
      minSeconds: waiter.minDelayMs / 1000,
      maxSeconds: waiter.maxDelayMs / 1000,
      failure: waiter.failure.map((f) => `\`${f}\``).join(" or "),
      example: starter && { methodName: starter.methodName, request: requestArgument(starter) },
    },
    taskActionCount: tracked.length,
  };
}

/** The pagination section: the main listing's paginator, else one that knows its total, else the first. */
function paginatorSection(
  ir: IrService,
  listing: IrAction | undefined,
): { paginatorCount: number; paginatorExample: object | undefined } {
  const pages = paginated(ir);
  const first =
    pages.find((p) => p.action === listing) ?? pages.find((p) => p.paginator.total !== undefined) ?? pages[0];
  return {
    paginatorCount: pages.length,
    paginatorExample: first && {
      methodName: first.paginator.methodName,
      items: first.paginator.items,
      total: first.paginator.total ?? first.paginator.items,
    },
  };
}

/** The validation example: a typo in a required member of the waiter's polled action, else of the first action with one. */
function validationExample(ir: IrService): object | undefined {
  const waiter = ir.waiters[0];
  const validated =
    (waiter && actionNamed(ir, waiter.action)) ?? ir.actions.find((a) => a.input.some((m) => m.required));
  const required = validated?.input.find((m) => m.required);
  return (
    validated &&
    required && {
      methodName: validated.methodName,
      member: required.name,
      typo: typo(required.name),
      value: codeText(JSON.stringify(exampleValue(validated, required.name)) ?? "null"),
    }
  );
}

/**
 * The listing of the service's main resource, for the README's first examples: among paginated
 * actions callable without arguments, the one whose items carry the most members.
 */
function mainListing(ir: IrService): IrAction | undefined {
  const structures = new Map(ir.structures.map((s) => [s.name, s.members.length]));
  const width = (a: IrAction): number => {
    const item = a.paginator?.itemType;
    return item?.kind === "structure" ? (structures.get(item.name) ?? 0) : 0;
  };
  return paginated(ir)
    .map(({ action }) => action)
    .filter(requestOptional)
    .sort((a, b) => width(b) - width(a))[0];
}

function requiredCount(a: IrAction): number {
  return a.input.filter((m) => m.required).length;
}

/** The first sample's request as an argument, or nothing when the request is optional and empty. */
function requestArgument(a: IrAction): string {
  const request = a.samples[0]?.request ?? {};
  if (Object.keys(request).length === 0) return requestOptional(a) ? "" : "{ /* ... */ }";
  return codeText(literalText(request));
}

/** A plausible typo of a member name: its last letter in the other case (`TaskId` → `TaskID`). */
function typo(name: string): string {
  const last = name.charAt(name.length - 1);
  const flipped = last === last.toUpperCase() ? last.toLowerCase() : last.toUpperCase();
  return name.slice(0, -1) + flipped;
}

function exampleValue(a: IrAction, member: string): unknown {
  return a.samples[0]?.request[member] ?? "…";
}

/**
 * Sample text inside a fenced code block: a backtick run could close the fence, so backticks (which
 * occur only inside string literals here) are written as the `\u0060` escape.
 */
function codeText(code: string): string {
  return code.replace(/`/g, "\\u0060");
}
