import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type CheckRow, catalogueCheck } from "./check.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

const USAGE = `usage: npm run catalogue:check -- <dir> [--only a,b] [--common FILE] [--keep] [--verbose]
  <dir>          folder of <service>-<yyyy-mm-dd> folders in the bulk importer's format
  --only a,b     only these folders or services
  --common FILE  common error codes for the importer (default: specs/common/errors.json)
  --keep         keep the temporary folder and print its path
  --verbose      print each stage as it finishes`;

/** `npm run catalogue:check -- <dir> [--only a,b]`: resolves to the exit code (0 all passed, 1 a failure, 2 usage). */
export async function runCatalogueCheck(args: string[]): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        only: { type: "string" },
        common: { type: "string" },
        keep: { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const workDir = await mkdtemp(path.join(os.tmpdir(), "catalogue-check-"));
  const started = performance.now();
  try {
    const { rows, seconds } = await catalogueCheck({
      catalogue: path.resolve(dir),
      ...(values.only
        ? {
            only: values.only
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          }
        : {}),
      commonErrors: path.resolve(values.common ?? path.join(REPO_ROOT, "specs/common/errors.json")),
      workDir,
      repoRoot: REPO_ROOT,
      ...(values.verbose ? { log: (line: string) => console.error(line) } : {}),
    });
    const wall = (performance.now() - started) / 1000;
    console.log(table(rows));
    const failed = rows.filter((r) => r.reason !== undefined).length;
    const actions = rows.reduce((n, r) => n + r.actions, 0);
    const perAction = actions > 0 ? ((wall * 1000) / actions).toFixed(1) : "-";
    const stages = Object.entries(seconds)
      .map(([k, s]) => `${k} ${s.toFixed(0)} s`)
      .join(", ");
    console.log(
      `catalogue:check: ${rows.length - failed}/${rows.length} service versions passed, ${failed} failed; ` +
        `${actions} actions in ${wall.toFixed(0)} s (${perAction} ms per action; ${stages})`,
    );
    const rejected = rows.flatMap((r) => (r.rejectedSamples ?? []).map((s) => `${r.id} ${s}`));
    if (rejected.length > 0) {
      console.log(
        `note: ${rejected.length} upstream samples contradict their members and were replaced by requests built from ` +
          `member examples (--verbose lists them), e.g. ${rejected[0]}`,
      );
    }
    return failed > 0 || rows.length === 0 ? 1 : 0;
  } finally {
    if (values.keep) console.error(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

/** The result table: one line per service version, the first reason of a failure last. */
export function table(rows: readonly CheckRow[]): string {
  const header = ["service version", "actions", "import", "generate", "type-check", "smoke", "first reason"];
  const lines = rows.map((r) => [r.id, String(r.actions), r.import, r.generate, r.typeCheck, r.smoke, r.reason ?? ""]);
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const format = (cells: string[]): string =>
    cells
      .map((c, i) => (i < widths.length ? c.padEnd(widths[i] ?? 0) : c))
      .join("  ")
      .trimEnd();
  return [format(header), ...lines.map(format)].join("\n");
}
