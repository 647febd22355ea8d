import type { IrAction, IrPackage } from "../ir/index.js";
import { sentence } from "./names.js";
import { paginated } from "./paginators.js";
import { markdownText } from "./text.js";

/** What the README lists per API version: entry point, actions with links, paginators, waiters, error codes. */
export interface ReadmeVersion {
  readonly version: string;
  readonly entry: string;
  readonly isDefault: boolean;
  readonly actionCount: number;
  readonly actions: ReadonlyArray<{
    name: string;
    methodName: string;
    link: string;
    summary: string;
    rateLimit: number;
    notes: string;
  }>;
  readonly paginators: ReadonlyArray<{ methodName: string; action: string; items: string }>;
  readonly waiters: ReadonlyArray<{
    methodName: string;
    action: string;
    path: string;
    success: string;
    trackedCount: number;
  }>;
  readonly errors: ReadonlyArray<{ code: string; description: string }>;
}

/** Tencent Cloud's API Explorer page of an action: it documents and tries out every action of every service. */
export function actionLink(service: string, version: string, action: string): string {
  const query = new URLSearchParams({ Product: service, Version: version, Action: action });
  return `https://console.tencentcloud.com/api/explorer?${query.toString()}`;
}

/** Per-version README data, oldest version first. */
export function readmeVersions(pkg: IrPackage): ReadmeVersion[] {
  return pkg.versions.map((ir) => ({
    version: ir.version,
    entry: `${pkg.packageName}/${ir.version}`,
    isDefault: ir === pkg.defaultVersion,
    actionCount: ir.actions.length,
    actions: ir.actions.map((a) => ({
      name: a.name,
      methodName: a.methodName,
      link: actionLink(ir.name, ir.version, a.name),
      summary: cell(sentence(a.summary)),
      rateLimit: a.rateLimit,
      notes: notes(a),
    })),
    paginators: paginated(ir).map(({ action, paginator }) => ({
      methodName: paginator.methodName,
      action: action.name,
      items: paginator.items,
    })),
    waiters: ir.waiters.map((w) => ({
      methodName: w.methodName,
      action: w.action,
      path: w.path,
      success: w.success.map((s) => `\`${markdownText(s)}\``).join(" or "),
      trackedCount: w.trackedActions.length,
    })),
    errors: ir.serviceErrors.map((e) => ({ code: e.code, description: cell(sentence(e.description)) })),
  }));
}

function notes(a: IrAction): string {
  const marks: string[] = [];
  if (a.trackedBy.length > 0) marks.push("task");
  if (a.paginator) marks.push("paginated");
  if (a.financialRegions) marks.push("fsi");
  if (a.deprecated) marks.push("deprecated");
  return marks.join(", ");
}

/** One Markdown table cell of upstream text: one line, no live markup, no unescaped pipe. */
function cell(text: string): string {
  return markdownText(text)
    .replace(/\s*\n\s*/g, " ")
    .replace(/\|/g, "\\|");
}
