import path from "node:path";
import { parseArgs } from "node:util";
import { SpecLoadError } from "../../load/index.js";
import { UnsafePathError } from "../../write/paths.js";
import { ImportError } from "../common/import-error.js";
import { DEFAULT_SPECS_DIR } from "../common/paths.js";
import { importBulk } from "./import-bulk.js";

/** A first import writes hundreds of files; listing them all buries the warnings. */
const MAX_LISTED = 20;

const USAGE = "usage: specs:import bulk <service-dir> [--out DIR] [--common FILE]";

/**
 * `specs:import bulk <service-dir> [--out DIR] [--common FILE]`: imports a whole service from its
 * machine-readable description. Prints warnings and notes to stderr, a summary to stdout.
 * Returns the process exit code: 0 done, 1 input problems (nothing written), 2 usage error.
 */
export async function runBulkImport(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: "string" }, common: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [dir, ...extra] = parsed.positionals;
  if (!dir || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const out = path.resolve(parsed.values.out ?? DEFAULT_SPECS_DIR);
  try {
    const result = await importBulk(dir, {
      out,
      ...(parsed.values.common !== undefined ? { commonErrors: parsed.values.common } : {}),
    });
    // Warnings name the service version too: a catalogue run prints many services' warnings in one log.
    for (const warning of result.warnings) console.error(`warning: ${result.serviceDir}: ${warning}`);
    for (const info of result.infos) console.error(`note: ${result.serviceDir}: ${info}`);
    const c = result.counts;
    console.log(
      `${result.serviceDir}: ${c.actions} actions, ${c.structures} structures, ${c.serviceErrorCodes} service error codes` +
        `${c.commonErrorCodes !== undefined ? `, ${c.commonErrorCodes} common error codes` : ""}, ${c.samples} samples, ` +
        `${c.waiters} waiters, ${c.paginators} paginators`,
    );
    console.log(
      `${path.relative(process.cwd(), out) || "."}: ${result.written.length} written, ${result.removed.length} removed, ` +
        `${result.unchanged} unchanged; ${result.warnings.length} warnings`,
    );
    const changes = [...result.written.map((f) => `  wrote ${f}`), ...result.removed.map((f) => `  removed ${f}`)];
    for (const line of changes.slice(0, MAX_LISTED)) console.log(line);
    if (changes.length > MAX_LISTED) console.log(`  … and ${changes.length - MAX_LISTED} more`);
    return 0;
  } catch (err) {
    const message = failureMessage(err);
    if (message === undefined) throw err;
    console.error(message);
    console.error("nothing written");
    return 1;
  }
}

/** What to tell the user about an expected failure; `undefined` for a bug (which keeps its stack trace). */
export function failureMessage(err: unknown): string | undefined {
  if (err instanceof ImportError || err instanceof SpecLoadError || err instanceof UnsafePathError) return err.message;
  // A file where a folder should be (or the reverse), no permission: name the path, not a stack.
  const { code, path: where, syscall } = err as NodeJS.ErrnoException;
  if (typeof code === "string" && typeof where === "string") return `cannot ${syscall ?? "access"} ${where}: ${code}`;
  return undefined;
}
