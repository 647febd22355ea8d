import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ActionSpec, ErrorsSpec, ServiceSpec, StructureSpec } from "../spec/types.js";
import { compareCodeUnits } from "../spec/write-json.js";
import { crossCheck, type Located, type ServiceParts } from "./cross-check.js";
import { SpecLoadError, type SpecProblem } from "./problems.js";
import { readJsonFile } from "./read-json.js";
import { loadValidators, type SpecFileKind, type SpecValidators, schemaProblems } from "./schema.js";

/** One service version, validated and cross-checked. */
export interface LoadedService {
  /** Directory relative to the specs root, e.g. `redis/2018-04-12`. */
  dir: string;
  service: ServiceSpec;
  /** Sorted by name. */
  actions: ActionSpec[];
  /** Sorted by name. */
  structures: StructureSpec[];
  errors: ErrorsSpec;
  /** Spec files read for this service, relative to the specs root, sorted. */
  files: string[];
}

/** Everything under a specs root. */
export interface LoadedSpecs {
  root: string;
  /** Error codes every service may return. */
  common: ErrorsSpec;
  /** Sorted by directory. */
  services: LoadedService[];
  /** sha256 over every spec file's relative path and bytes, in sorted path order. */
  contentHash: string;
}

/** Options for {@link loadSpecs}. */
export interface LoadOptions {
  /** Where the JSON Schemas live; defaults to the repository's `specs/schema`. */
  schemaDir?: string;
}

/** Top-level folders of the specs root that are not services. */
const RESERVED = new Set(["schema", "common"]);

/**
 * Reads every spec under `specsDir` (`common/errors.json` and each `<service>/<version>/service.json`
 * with its `errors.json`, `actions/*.json` and `structures/*.json`), validates each file against its
 * JSON Schema and checks the rules that span files. Throws {@link SpecLoadError} listing every problem.
 */
export async function loadSpecs(specsDir: string, options: LoadOptions = {}): Promise<LoadedSpecs> {
  const root = path.resolve(specsDir);
  const validators = await loadValidators(options.schemaDir);
  const problems: SpecProblem[] = [];
  const hashed = new Map<string, Buffer>();
  const reader = new SpecReader(root, validators, problems, hashed);

  const common = await reader.read<ErrorsSpec>("common/errors.json", "errors");
  const parts: ServiceParts[] = [];
  for (const dir of await discoverServices(root, problems)) parts.push(await reader.readService(dir));
  for (const part of parts) problems.push(...crossCheck(part, common?.value));

  if (problems.length > 0) {
    throw new SpecLoadError(problems.sort((a, b) => compareCodeUnits(a.file, b.file)));
  }

  const services = parts.map((part): LoadedService => {
    const files = [
      `${part.dir}/service.json`,
      `${part.dir}/errors.json`,
      ...part.actions.map((a) => a.file),
      ...part.structures.map((s) => s.file),
    ].sort(compareCodeUnits);
    return {
      dir: part.dir,
      // Safe: a missing or invalid service/errors file is a problem, and problems threw above.
      service: part.service!.value,
      errors: part.errors!.value,
      actions: part.actions.map((a) => a.value),
      structures: part.structures.map((s) => s.value),
      files,
    };
  });
  return { root, common: common!.value, services, contentHash: hashFiles(hashed) };
}

async function discoverServices(root: string, problems: SpecProblem[]): Promise<string[]> {
  const dirs: string[] = [];
  let services: string[];
  try {
    services = await subdirectories(root);
  } catch (err) {
    problems.push({
      file: root,
      path: "",
      message: `cannot read the specs folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    });
    return [];
  }
  for (const service of services) {
    // Dot folders are tooling leftovers (e.g. an interrupted import's stage), never services.
    if (RESERVED.has(service) || service.startsWith(".")) continue;
    const versions = await subdirectories(path.join(root, service));
    if (versions.length === 0)
      problems.push({ file: service, path: "", message: "service folder has no version folder" });
    for (const version of versions) dirs.push(`${service}/${version}`);
  }
  return dirs;
}

class SpecReader {
  constructor(
    private readonly root: string,
    private readonly validators: SpecValidators,
    private readonly problems: SpecProblem[],
    private readonly hashed: Map<string, Buffer>,
  ) {}

  /** Reads, parses and schema-validates one file; returns it only when valid. */
  async read<T>(file: string, kind: SpecFileKind): Promise<Located<T> | undefined> {
    const result = await readJsonFile(path.join(this.root, file), file);
    if (result.bytes) this.hashed.set(file, result.bytes);
    if (!result.ok) {
      this.problems.push(result.problem);
      return undefined;
    }
    const found = schemaProblems(this.validators[kind], result.value, file);
    this.problems.push(...found);
    return found.length === 0 ? { file, value: result.value as T } : undefined;
  }

  async readService(dir: string): Promise<ServiceParts> {
    const [serviceName = "", version = ""] = dir.split("/");
    const parts: ServiceParts = {
      dir,
      serviceName,
      version,
      actions: [],
      structures: [],
      brokenActions: new Set(),
      brokenStructures: new Set(),
    };
    const service = await this.read<ServiceSpec>(`${dir}/service.json`, "service");
    if (service) parts.service = service;
    const errors = await this.read<ErrorsSpec>(`${dir}/errors.json`, "errors");
    if (errors) parts.errors = errors;
    for (const file of await this.jsonFiles(`${dir}/actions`)) {
      const action = await this.read<ActionSpec>(file, "action");
      if (action) parts.actions.push(action);
      else parts.brokenActions.add(stem(file));
    }
    for (const file of await this.jsonFiles(`${dir}/structures`)) {
      const structure = await this.read<StructureSpec>(file, "structure");
      if (structure) parts.structures.push(structure);
      else parts.brokenStructures.add(stem(file));
    }
    return parts;
  }

  /** `*.json` files of a folder, sorted; anything else there is a problem, since it would be silently ignored. */
  private async jsonFiles(dir: string): Promise<string[]> {
    let entries;
    try {
      entries = await readdir(path.join(this.root, dir), { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return [];
      // A file where the folder should be is a problem of the tree, not a crash of the loader.
      this.problems.push({
        file: dir,
        path: "",
        message: `cannot read folder: ${code === "ENOTDIR" ? "it is a file, not a folder" : (code ?? (err as Error).message)}`,
      });
      return [];
    }
    const files: string[] = [];
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith(".json")) files.push(`${dir}/${entry.name}`);
      else
        this.problems.push({
          file: `${dir}/${entry.name}`,
          path: "",
          message: "unexpected entry: only *.json files belong here",
        });
    }
    return files.sort(compareCodeUnits);
  }
}

async function subdirectories(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(compareCodeUnits);
}

function stem(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1, -".json".length);
}

function hashFiles(files: Map<string, Buffer>): string {
  const hash = createHash("sha256");
  for (const file of [...files.keys()].sort(compareCodeUnits)) {
    hash.update(file).update("\0").update(files.get(file)!).update("\0");
  }
  return hash.digest("hex");
}
