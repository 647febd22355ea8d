import type { SpecProblem } from "../load/problems.js";
import { compareCodeUnits } from "../support/code-units.js";
import type { IrService } from "./types.js";

/** One npm package: every API version of one service, and the version its root re-exports. */
export interface IrPackage {
  /** Service name and package folder, e.g. `redis`. */
  readonly name: string;
  readonly packageName: string;
  /** English title for the package description and README (see {@link packageTitle}). */
  readonly title: string;
  /** Sorted by version, oldest first. */
  readonly versions: readonly IrService[];
  /** `"default": true` in its service.json, else the newest. */
  readonly defaultVersion: IrService;
}

/** Packages built from service versions, with what was wrong and what the reader should know. */
export interface GroupedPackages {
  readonly packages: IrPackage[];
  readonly problems: SpecProblem[];
  readonly warnings: string[];
}

/**
 * Groups service versions into packages by service name. Versions of one service must agree on
 * package and client name (one package, one client class) and at most one may be the default.
 */
export function groupPackages(irs: readonly IrService[]): GroupedPackages {
  const byName = new Map<string, IrService[]>();
  for (const ir of irs) byName.set(ir.name, [...(byName.get(ir.name) ?? []), ir]);
  const packages: IrPackage[] = [];
  const problems: SpecProblem[] = [];
  const warnings: string[] = [];
  for (const name of [...byName.keys()].sort(compareCodeUnits)) {
    const versions = (byName.get(name) ?? []).sort((a, b) => compareCodeUnits(a.version, b.version));
    const first = versions[0];
    const newest = versions[versions.length - 1];
    if (!first || !newest) continue;
    for (const ir of versions.slice(1)) {
      if (ir.packageName !== first.packageName) {
        problems.push(disagree(ir, "packageName", first, ir.packageName, first.packageName));
      }
      if (ir.names.client !== first.names.client) {
        problems.push(disagree(ir, "clientName", first, ir.names.client, first.names.client));
      }
    }
    const marked = versions.filter((ir) => ir.isDefault);
    for (const ir of marked.slice(1)) {
      problems.push({
        file: `${ir.specPath}/service.json`,
        path: "/default",
        message: `only one version of ${name} can be the default; ${marked[0]?.specPath} is one too`,
      });
    }
    const defaultVersion = marked[0] ?? newest;
    const title = packageTitle(defaultVersion, versions);
    if (title.warning) warnings.push(title.warning);
    packages.push({ name, packageName: first.packageName, title: title.title, versions, defaultVersion });
  }
  return { packages, problems, warnings };
}

function disagree(ir: IrService, key: string, first: IrService, value: string, expected: string): SpecProblem {
  return {
    file: `${ir.specPath}/service.json`,
    path: `/${key}`,
    message: `"${value}" differs from "${expected}" in ${first.specPath}: every version of a service is one package`,
  };
}

/** Whether a title reads as English: it has Latin letters and no CJK characters. */
export function isEnglishTitle(title: string): boolean {
  return /[A-Za-z]/.test(title) && !/[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/.test(title);
}

/**
 * The English title a package describes itself with: the default version's curated `title`, else
 * another version's, else `Tencent Cloud <NAME>` with a warning asking for a curated title. A
 * shipped package never describes itself with a title only in Chinese.
 */
export function packageTitle(main: IrService, versions: readonly IrService[]): { title: string; warning?: string } {
  if (isEnglishTitle(main.title)) return { title: main.title };
  const other = versions.find((v) => isEnglishTitle(v.title));
  const title = other?.title ?? `Tencent Cloud ${main.name.toUpperCase()}`;
  return {
    title,
    warning:
      `${main.specPath}/service.json: title ${JSON.stringify(main.title)} is not English; the package uses ` +
      `${JSON.stringify(title)}. Curate "title" in service.json.`,
  };
}
