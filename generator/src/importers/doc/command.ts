import { access, readdir } from "node:fs/promises";
import path from "node:path";
import { type LoadedService, loadSpecs, SpecLoadError } from "../../load/index.js";
import { loadValidators, schemaProblems } from "../../load/schema.js";
import { canonicalJson } from "../../spec/write-json.js";
import { ImportError } from "../common/import-error.js";
import { Overrides } from "../common/overrides/overrides.js";
import { DEFAULT_SPECS_DIR } from "../common/paths.js";
import { writeSpecTree } from "../common/write-tree.js";
import type { ActionPage } from "./action-page.js";
import { buildImport, type DocImport } from "./build.js";
import { diffImport, formatDiff } from "./diff.js";
import { mergeExistingUsage } from "./existing.js";
import { readPages } from "./gather.js";
import { formatProblem, ProblemLog } from "./problems.js";

/** Where the command prints; tests pass their own. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const PROCESS_IO: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const USAGE = `Usage: specs:import doc <page.md>... [--out DIR] [--diff]

Imports Tencent Cloud API reference pages (Markdown) into specs.
  <page.md>   API reference pages; also DataStructures.md (structures the pages link to) and
              ErrorCodes.md (writes the service's errors.json). A DataStructures.md or ErrorCodes.md
              beside a page is used without being named.
  --out DIR   specs root to write to or compare with (default: the repository's specs/)
  --diff      write nothing; report how the pages differ from the specs in --out
`;

interface Options {
  pages: string[];
  out: string;
  diff: boolean;
}

/**
 * `specs:import doc`: reads the pages, and either writes the specs they describe (all or nothing)
 * or, with `--diff`, reports how they differ from the committed specs. Exit code 0 on success,
 * 1 when a page cannot be imported, 2 on a usage error.
 */
export async function runDocImport(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === "string") {
    io.stderr(`${options}\n\n${USAGE}`);
    return 2;
  }
  const log = new ProblemLog();
  const pages = await readPages(options.pages, log);
  const imported = buildImport(pages, log, await readOverrides(pages.actions[0], options.out, log));
  const files = imported && !log.hasErrors ? await renderFiles(imported, options, log) : new Map<string, string>();

  const problems = log.sorted();
  if (problems.length > 0) io.stderr(problems.map(formatProblem).join("\n") + "\n");
  if (log.hasErrors) {
    const errors = problems.filter((p) => p.severity === "error").length;
    io.stderr(`doc import failed: ${errors} error${errors === 1 ? "" : "s"}; nothing written\n`);
    return 1;
  }
  if (!imported) {
    io.stdout("No API reference page given: pages read, nothing to import.\n");
    return 0;
  }
  return options.diff
    ? diff(imported, options.out, io)
    : write(files, options.out, `${imported.service}/${imported.version}`, io);
}

function parseArgs(args: readonly string[]): Options | string {
  const options: Options = { pages: [], out: DEFAULT_SPECS_DIR, diff: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--diff") options.diff = true;
    else if (arg === "--out") {
      const value = args[++i];
      if (value === undefined || value.startsWith("--")) return "--out needs a directory";
      options.out = value;
    } else if (arg.startsWith("--out=")) options.out = arg.slice("--out=".length);
    else if (arg.startsWith("-")) return `unknown option ${arg}`;
    else options.pages.push(arg);
  }
  if (options.pages.length === 0) return "no page given";
  return options;
}

/** Every file the import would write, keyed by path under the specs root, checked against the spec schema. */
async function renderFiles(imported: DocImport, options: Options, log: ProblemLog): Promise<Map<string, string>> {
  const base = `${imported.service}/${imported.version}`;
  const structures = options.diff
    ? imported.structures
    : await mergeExistingUsage(imported.structures, options.out, base, log);
  const validators = await loadValidators();
  const files = new Map<string, string>();
  const add = (file: string, value: unknown, kind: "action" | "structure" | "errors", page: string) => {
    for (const p of schemaProblems(validators[kind], value, file)) {
      log.error(
        page,
        1,
        `the ${kind} spec built from this page breaks the spec schema at ${file}#${p.path}: ${p.message}`,
      );
    }
    files.set(file, canonicalJson(value));
  };
  for (const { spec, page } of imported.actions) add(`${base}/actions/${spec.name}.json`, spec, "action", page.file);
  for (const spec of structures)
    add(`${base}/structures/${spec.name}.json`, spec, "structure", imported.structureFiles.get(spec.name) ?? "");
  if (imported.errors) add(`${base}/errors.json`, imported.errors, "errors", imported.errorsFile ?? "");
  return files;
}

async function write(files: Map<string, string>, out: string, base: string, io: CommandIo): Promise<number> {
  const context = await existingTree(out, base);
  let result;
  try {
    result = await writeSpecTree(out, {
      files,
      ownedDirs: [],
      // Over a committed tree, the new files must load together with the rest of it (waiters and
      // paginators name members; actions name error codes), or the import is refused.
      ...(context.length > 0 ? { context, validate: async (stage: string) => void (await loadSpecs(stage)) } : {}),
    });
  } catch (err) {
    if (!(err instanceof SpecLoadError)) throw err;
    io.stderr(
      `doc import refused: with these pages the specs in ${out} would not load; nothing written\n${err.message}\n`,
    );
    return 1;
  }
  for (const file of result.written) io.stdout(`wrote ${path.join(out, file)}\n`);
  io.stdout(`doc import: ${result.written.length} written, ${result.unchanged} unchanged\n`);
  return 0;
}

/** The files of a complete committed tree for this service under `out`; none when there is no such tree yet. */
async function existingTree(out: string, base: string): Promise<string[]> {
  const required = ["common/errors.json", `${base}/service.json`];
  for (const file of required) {
    try {
      await access(path.join(out, file));
    } catch {
      return [];
    }
  }
  const entries = await readdir(path.join(out, base), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
  return [required[0]!, ...files.sort()];
}

async function diff(imported: DocImport, out: string, io: CommandIo): Promise<number> {
  let committed: LoadedService | undefined;
  try {
    await access(out);
  } catch {
    io.stderr(`cannot compare: there is no specs folder at ${out}\n`);
    return 1;
  }
  try {
    const loaded = await loadSpecs(out);
    committed = loaded.services.find((s) => s.dir === `${imported.service}/${imported.version}`);
  } catch (err) {
    if (err instanceof SpecLoadError) {
      io.stderr(`cannot compare: the specs in ${out} do not load\n${err.message}\n`);
      return 1;
    }
    throw err;
  }
  io.stdout(formatDiff(diffImport(imported, committed)));
  return 0;
}

/**
 * The curated corrections of the service the pages describe (`<out>/<service>/<version>/overrides.json`),
 * known once the first action page is read. A broken file is an error of this run.
 */
async function readOverrides(first: ActionPage | undefined, out: string, log: ProblemLog): Promise<Overrides> {
  if (!first) return Overrides.none();
  try {
    return await Overrides.read(out, `${first.service}/${first.version}`);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    for (const p of err.problems) log.error(p.file, 1, `${p.path}: ${p.message}`);
    return Overrides.none();
  }
}
