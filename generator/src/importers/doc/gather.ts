import { access, readFile } from "node:fs/promises";
import path from "node:path";
import type { PageSet } from "./build.js";
import type { ProblemLog } from "./problems.js";
import { type DocPage, readDocPage } from "./read-page.js";

/**
 * Companion pages the docs site keeps beside every API reference page: the structures the pages
 * link to and the service's error codes. Used when present, without being named.
 */
const BESIDE = { structures: "DataStructures.md", errors: "ErrorCodes.md" } as const;

/** Reads the named pages, then the companion pages beside each action page that were not named. */
export async function readPages(names: readonly string[], log: ProblemLog): Promise<PageSet> {
  const set: PageSet = { actions: [], structures: [], besideStructures: [], errorCodes: [], besideErrorCodes: [] };
  const seen = new Set<string>();

  for (const name of names) {
    const key = path.resolve(name);
    if (seen.has(key)) {
      log.warn(name, 1, "page named twice; read once");
      continue;
    }
    seen.add(key);
    const page = await readOne(name, log);
    if (!page) continue;
    if (page.kind === "action") set.actions.push(page);
    else if (page.kind === "structures") set.structures.push(page);
    else set.errorCodes.push(page);
  }

  const dirs = [...new Set(set.actions.map((a) => path.dirname(a.file)))];
  for (const dir of dirs) {
    for (const [kind, base] of Object.entries(BESIDE) as [keyof typeof BESIDE, string][]) {
      const file = path.join(dir, base);
      const key = path.resolve(file);
      if (seen.has(key) || !(await exists(file))) continue;
      seen.add(key);
      const page = await readOne(file, log);
      if (!page) continue;
      if (kind === "structures" && page.kind === "structures") set.besideStructures.push(page);
      else if (kind === "errors" && page.kind === "errors") set.besideErrorCodes.push(page);
      else
        log.warn(
          file,
          1,
          `lies beside ${dir}'s pages but is not a ${kind === "structures" ? "data-structures" : "error-code"} page; ignored`,
        );
    }
  }
  return set;
}

async function readOne(file: string, log: ProblemLog): Promise<DocPage | undefined> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (err) {
    log.error(file, 1, `cannot read page: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return undefined;
  }
  return readDocPage(file, source, log);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
