import { type RunOptions, run } from "./exec.js";

/** What `npm pack --dry-run --json` reports for one package. */
export interface PackReport {
  name: string;
  version: string;
  /** Tarball size in bytes. */
  size: number;
  unpackedSize: number;
  files: string[];
}

/** Files a published package may contain: its build output and the documents npm always ships. */
const ALLOWED = /^(dist\/.+|README\.md|LICENSE|package\.json)$/;

/** Runs `npm pack --dry-run --json` in `packageDir` and returns the tarball's size and file list. */
export async function dryRunPack(packageDir: string, options: Omit<RunOptions, "cwd">): Promise<PackReport> {
  const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    ...options,
    cwd: packageDir,
  });
  const [report] = JSON.parse(stdout) as Array<{
    name: string;
    version: string;
    size: number;
    unpackedSize: number;
    files: Array<{ path: string }>;
  }>;
  if (report === undefined) throw new Error(`npm pack --dry-run --json printed no report in ${packageDir}`);
  return { ...report, files: report.files.map((file) => file.path).sort() };
}

/** Files every published package must ship. */
const REQUIRED = ["LICENSE", "README.md", "package.json"] as const;

/** Required files the tarball lacks; a tarball without any `dist/` file also counts as missing its build. */
export function missingFiles(report: PackReport): string[] {
  const missing: string[] = REQUIRED.filter((file) => !report.files.includes(file));
  if (!report.files.some((file) => file.startsWith("dist/"))) missing.push("dist/**");
  return missing;
}

/** Files in the tarball that are neither build output nor README, LICENSE or package.json. */
export function unexpectedFiles(report: PackReport): string[] {
  return report.files.filter((file) => !ALLOWED.test(file));
}
