import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { pointerSegment, type SpecProblem } from "./problems.js";

/** The kinds of spec file, each validated by `specs/schema/<kind>.schema.json`. */
export type SpecFileKind = "service" | "action" | "structure" | "errors" | "overrides";

const SCHEMA_FILES = ["member", "errors", "action", "structure", "service", "overrides"] as const;

/** The repository's `specs/schema`, found from this module so fixture spec trees need no schema copy. */
export const DEFAULT_SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../specs/schema");

/** Compiled validators for every spec file kind. */
export type SpecValidators = Record<SpecFileKind, ValidateFunction>;

const cache = new Map<string, Promise<SpecValidators>>();

/** Compiles the JSON Schemas in `schemaDir` once per process. */
export function loadValidators(schemaDir: string = DEFAULT_SCHEMA_DIR): Promise<SpecValidators> {
  let pending = cache.get(schemaDir);
  if (!pending) {
    pending = compile(schemaDir);
    cache.set(schemaDir, pending);
    pending.catch(() => cache.delete(schemaDir));
  }
  return pending;
}

async function compile(schemaDir: string): Promise<SpecValidators> {
  // allErrors: a maintainer fixing a file wants every mistake at once, not one per run.
  const ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: true });
  const ids = new Map<string, string>();
  for (const name of SCHEMA_FILES) {
    const file = path.join(schemaDir, `${name}.schema.json`);
    const schema = JSON.parse(await readFile(file, "utf8")) as { $id: string };
    ajv.addSchema(schema);
    ids.set(name, schema.$id);
  }
  const get = (kind: SpecFileKind): ValidateFunction => {
    const fn = ajv.getSchema(ids.get(kind) ?? "");
    if (!fn) throw new Error(`Schema ${kind}.schema.json did not compile`);
    return fn;
  };
  return {
    service: get("service"),
    action: get("action"),
    structure: get("structure"),
    errors: get("errors"),
    overrides: get("overrides"),
  };
}

/** Runs a validator and turns ajv's errors into problems for `file`. */
export function schemaProblems(validate: ValidateFunction, value: unknown, file: string): SpecProblem[] {
  if (validate(value)) return [];
  return simplify(validate.errors ?? []).map((e) =>
    // Errors about a key (propertyNames) point at the key itself, not at the object holding it.
    e.propertyName === undefined
      ? { file, path: e.instancePath, message: describe(e) }
      : { file, path: `${e.instancePath}/${pointerSegment(e.propertyName)}`, message: `invalid name: ${describe(e)}` },
  );
}

/**
 * With a discriminator, ajv still reports the failing branch's errors plus a `oneOf` summary;
 * the summary adds nothing once a branch error exists at or below the same path. Likewise a
 * `propertyNames` summary repeats the error about the key it wraps.
 */
function simplify(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === "oneOf" && errors.some((o) => o !== e && within(o.instancePath, e.instancePath))) continue;
    if (e.keyword === "propertyNames") continue;
    const key = `${e.instancePath}|${describe(e)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

function within(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/** What each discriminator tag of the schemas accepts, for the error message. */
const TAG_VALUES: Readonly<Record<string, string>> = {
  kind: "string, integer, float, boolean, list, structure or object",
  op: "renameMember, setMember, dropMember, dropErrorCode, dropSample, replaceSample or setAction",
};

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties":
      return `unknown property "${String(p["additionalProperty"])}"`;
    case "required":
      return `missing required property "${String(p["missingProperty"])}"`;
    case "enum":
      return `must be one of ${JSON.stringify(p["allowedValues"])}`;
    case "const":
      return `must be ${JSON.stringify(p["allowedValue"])}`;
    case "discriminator":
      return p["error"] === "mapping"
        ? `unknown ${String(p["tag"])} (expected ${TAG_VALUES[String(p["tag"])] ?? "a documented value"})`
        : `"${String(p["tag"])}" must be a string`;
    default:
      return e.message ?? e.keyword;
  }
}
