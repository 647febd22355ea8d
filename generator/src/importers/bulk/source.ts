import { readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { pointerSegment, type SpecProblem } from "../../load/problems.js";
import { dictFrom } from "../../spec/dict.js";
import { ImportError } from "../common/import-error.js";
import { SOURCE_SCHEMAS, type SourceFileName } from "./source-schema.js";

/** A member of an `api.json` object (request, response or shared structure). */
export interface SourceMember {
  name: string;
  /** `string`, `int`, `float`, `bool`, `list` or `object`. */
  type: string;
  /** Integer width, list element type or structure name. */
  member: string;
  required?: boolean;
  output_required?: boolean;
  value_allowed_null?: boolean;
  document?: string;
  example?: string;
  disabled?: boolean;
}

/** An `api.json` object: a request, a response or a shared structure (those carry `usage`). */
export interface SourceObject {
  document?: string;
  members: SourceMember[];
  usage?: "in" | "out" | "both";
}

/** An `api.json` action. */
export interface SourceAction {
  /** Short human title, used as the one-line summary. */
  name: string;
  document: string;
  input: string;
  output: string;
  status?: string;
}

/** `api.json`: the machine-readable service description. */
export interface SourceApi {
  metadata: { serviceShortName: string; apiVersion: string; serviceNameEN?: string; serviceNameCN?: string };
  actions: Record<string, SourceAction>;
  objects: Record<string, SourceObject>;
}

/** One documented sample of `examples.json`. */
export interface SourceExample {
  title: string;
  document?: string;
  input: string;
  output: string;
}

/** Everything read from a service directory. Files other than `api.json` may be absent. */
export interface BulkSource {
  dir: string;
  api: SourceApi;
  examples: Record<string, SourceExample[]>;
  errors: { codes: Record<string, string>; actions: Record<string, string[]> };
  limits: Record<string, { ratePerSecond?: number; financialRegions?: boolean }>;
  /** Source files that were absent, e.g. `limits.json`. */
  missing: SourceFileName[];
}

/**
 * Reads and shape-checks `api.json`, `examples.json`, `errors.json` and `limits.json` of a service
 * directory. Every problem across the files is collected; any problem throws {@link ImportError}.
 */
export async function readBulkSource(dir: string): Promise<BulkSource> {
  const problems: SpecProblem[] = [];
  const missing: SourceFileName[] = [];
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });

  const read = async <T>(name: SourceFileName): Promise<T | undefined> => {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT") {
        missing.push(name);
        return undefined;
      }
      // A folder where the file should be, no permission, a file where the service folder should be…
      problems.push({ file, path: "", message: `cannot read: ${readFailure(code, err)}` });
      return undefined;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      problems.push({ file, path: "", message: `invalid JSON: ${(err as Error).message}` });
      return undefined;
    }
    const validate = ajv.compile(SOURCE_SCHEMAS[name]);
    if (!validate(value)) {
      for (const e of validate.errors ?? []) {
        // A bad key is reported twice by ajv (the pattern, then propertyNames); the pattern error names the key.
        if (e.keyword === "propertyNames") continue;
        const at =
          e.propertyName === undefined ? e.instancePath : `${e.instancePath}/${pointerSegment(e.propertyName)}`;
        problems.push({ file, path: at, message: describe(e) });
      }
      return undefined;
    }
    return value as T;
  };

  const api = await read<SourceApi>("api.json");
  const examples = await read<{ actions: Record<string, SourceExample[]> }>("examples.json");
  const errors = await read<BulkSource["errors"]>("errors.json");
  const limits = await read<{ actions: BulkSource["limits"] }>("limits.json");
  if (missing.includes("api.json")) {
    problems.push({
      file: path.join(dir, "api.json"),
      path: "",
      message: "file is missing: a service directory needs api.json",
    });
  }
  if (problems.length > 0 || !api) throw new ImportError(dir, problems);
  // Samples and limits are looked up by action name, so upstream keys must never reach a prototype.
  api.actions = dictFrom(Object.entries(api.actions));
  api.objects = dictFrom(Object.entries(api.objects));
  return {
    dir,
    api,
    examples: dictFrom(Object.entries(examples?.actions ?? {})),
    errors: {
      codes: dictFrom(Object.entries(errors?.codes ?? {})),
      actions: dictFrom(Object.entries(errors?.actions ?? {})),
    },
    limits: dictFrom(Object.entries(limits?.actions ?? {})),
    missing,
  };
}

/** `EISDIR` and friends in words a maintainer acts on. */
function readFailure(code: string | undefined, err: unknown): string {
  if (code === "EISDIR") return "it is a directory, not a file";
  if (code === "ENOTDIR") return "a part of the path is a file, not a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return (err as Error).message;
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "pattern" && e.propertyName !== undefined) {
    return `name ${JSON.stringify(e.propertyName)} is not allowed: it must match ${String(p["pattern"])}`;
  }
  if (e.keyword === "pattern") return `${JSON.stringify(e.data)} is not allowed: it must match ${String(p["pattern"])}`;
  if (e.keyword === "required") return `missing required property "${String(p["missingProperty"])}"`;
  if (e.keyword === "enum") return `must be one of ${JSON.stringify(p["allowedValues"])}`;
  return e.message ?? e.keyword;
}
