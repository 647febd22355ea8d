import { pointerSegment } from "../../load/problems.js";
import { dict, hasKey } from "../../spec/dict.js";
import type { SpecMember, SpecType } from "../../spec/types.js";

/** Looks up a structure's members by name; `undefined` when the structure is unknown. */
export type ResolveStructure = (name: string) => readonly SpecMember[] | undefined;

/** A sample value made to fit its members, and what had to be dropped or could not be typed. */
export interface TypedSample {
  value: Record<string, unknown>;
  /** `"/Filters/0/Name: …"`: JSON pointer into the sample, then what is wrong. Empty when the sample fits. */
  issues: string[];
}

/** Options for {@link conformSample}. */
export interface ConformOptions {
  /** Keys accepted at the top level without a member, e.g. `RequestId` in responses. */
  extraKeys?: readonly string[];
  /**
   * Values are query-string text, so `"10"` → 10 and `"true"` → true without comment. In JSON such
   * text is still converted to the member's type, but reported.
   */
  fromQuery?: boolean;
  /**
   * The sample is a request: a list item missing a required member is dropped, because a sample
   * must pass the SDK's own validation (upstream samples send `{"TagKey": null}` for required keys).
   */
  request?: boolean;
}

/**
 * Flattened GET parameters (`InstanceIds.0=crs-1`, `Filters.0.Name=x`) to the JSON body a POST
 * would carry, typed by the action's input members: numbers become numbers, booleans booleans,
 * numeric key segments list positions, other segments structure members.
 */
export function queryToJson(
  params: ReadonlyArray<readonly [string, string]>,
  members: readonly SpecMember[],
  resolve: ResolveStructure,
): TypedSample {
  const issues: string[] = [];
  // GET keys are upstream text: `__proto__.example=x` must build an own key, never touch a prototype.
  const tree = dict<unknown>();
  for (const [key, value] of params) insert(tree, key.split("."), value, key, issues);
  const typed = conformSample(listify(tree), members, resolve, { fromQuery: true, request: true });
  return { value: typed.value, issues: [...issues, ...typed.issues] };
}

/**
 * Checks a JSON sample against members. Numeric or boolean text is converted to the member's
 * type; keys with no member and values that cannot be converted are dropped. Both are reported,
 * and the kept sample always matches the spec's types.
 */
export function conformSample(
  value: unknown,
  members: readonly SpecMember[],
  resolve: ResolveStructure,
  options: ConformOptions = {},
): TypedSample {
  const issues: string[] = [];
  const walker = new Conformer(resolve, options.fromQuery ?? false, options.request ?? false, issues);
  if (!isRecord(value)) {
    issues.push(`: expected a JSON object, got ${describe(value)}`);
    return { value: {}, issues };
  }
  const out = walker.object(value, members, "", new Set(options.extraKeys ?? []));
  return { value: out, issues };
}

const DROP = Symbol("drop");

class Conformer {
  constructor(
    private readonly resolve: ResolveStructure,
    private readonly fromQuery: boolean,
    private readonly request: boolean,
    private readonly issues: string[],
  ) {}

  object(
    value: Record<string, unknown>,
    members: readonly SpecMember[],
    path: string,
    extraKeys: ReadonlySet<string> = new Set(),
  ): Record<string, unknown> {
    const byName = new Map(members.map((m) => [m.name, m]));
    const out = dict<unknown>();
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}/${pointerSegment(key)}`;
      const member = byName.get(key);
      if (!member) {
        if (extraKeys.has(key)) out[key] = item;
        else this.issues.push(`${at}: no member "${key}", dropped`);
        continue;
      }
      if (item === null) {
        if (member.nullable) out[key] = null;
        else this.issues.push(`${at}: null but the member is not nullable, dropped`);
        continue;
      }
      const typed = this.value(item, member.type, at);
      if (typed !== DROP) out[key] = typed;
    }
    return out;
  }

  private value(value: unknown, type: SpecType, path: string): unknown {
    switch (type.kind) {
      case "string":
        if (typeof value === "string") return value;
        return this.mismatch(path, "a string", value);
      case "integer":
        return this.integer(value, path);
      case "float":
        if (typeof value === "number") return value;
        if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
          return this.coerced(path, value, Number(value));
        }
        return this.mismatch(path, "a number", value);
      case "boolean":
        if (typeof value === "boolean") return value;
        if (typeof value === "string" && /^(true|false)$/i.test(value)) {
          return this.coerced(path, value, value.toLowerCase() === "true");
        }
        return this.mismatch(path, "a boolean", value);
      case "list":
        return this.list(value, type.items, path);
      case "structure":
        return this.structure(value, type.name, path);
      case "object":
        if (isRecord(value)) return value;
        return this.mismatch(path, "an object", value);
    }
  }

  private integer(value: unknown, path: string): unknown {
    if (typeof value === "number" && Number.isInteger(value)) return value;
    if (typeof value === "string" && /^-?\d+$/.test(value.trim())) {
      const n = Number(value);
      if (Number.isSafeInteger(n)) return this.coerced(path, value, n);
      this.issues.push(`${path}: ${value} is beyond 2^53 and cannot be kept exactly, dropped`);
      return DROP;
    }
    return this.mismatch(path, "an integer", value);
  }

  private list(value: unknown, items: SpecType, path: string): unknown {
    if (this.fromQuery && typeof value === "string") {
      this.issues.push(`${path}: list given without a position (expected "${path.slice(1)}.0=…"), read as one item`);
      return this.list([value], items, path);
    }
    if (!Array.isArray(value)) return this.mismatch(path, "a list", value);
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const typed = this.value(item, items, `${path}/${i}`);
      if (typed !== DROP && !this.incompleteItem(typed, items, `${path}/${i}`)) out.push(typed);
    });
    return out;
  }

  private incompleteItem(value: unknown, type: SpecType, path: string): boolean {
    if (!this.request || type.kind !== "structure" || !isRecord(value)) return false;
    const missing = (this.resolve(type.name) ?? [])
      .filter((m) => m.required && !hasKey(value, m.name))
      .map((m) => m.name);
    if (missing.length === 0) return false;
    this.issues.push(`${path}: required ${missing.join(", ")} missing, item dropped`);
    return true;
  }

  private structure(value: unknown, name: string, path: string): unknown {
    if (!isRecord(value)) return this.mismatch(path, `a ${name} object`, value);
    const members = this.resolve(name);
    if (!members) {
      this.issues.push(`${path}: structure ${name} is unknown, dropped`);
      return DROP;
    }
    return this.object(value, members, path);
  }

  /** Query strings carry only text, so converting is their normal reading; in JSON it fixes a sample's mistake. */
  private coerced(path: string, text: string, value: number | boolean): number | boolean {
    if (!this.fromQuery)
      this.issues.push(`${path}: text ${JSON.stringify(text)} read as ${typeof value} ${String(value)}`);
    return value;
  }

  private mismatch(path: string, expected: string, value: unknown): typeof DROP {
    this.issues.push(`${path}: expected ${expected}, got ${describe(value)}, dropped`);
    return DROP;
  }
}

/** A node of the key tree: a leaf value or keyed children. Numeric keys turn into list positions later. */
function insert(tree: Record<string, unknown>, segments: string[], value: string, key: string, issues: string[]): void {
  let node = tree;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const child = hasKey(node, segment) ? node[segment] : undefined;
    if (child === undefined) node[segment] = dict<unknown>();
    else if (!isRecord(child)) {
      issues.push(
        `/${key.replace(/\./g, "/")}: "${segments.slice(0, i + 1).join(".")}" is both a value and a container, dropped`,
      );
      return;
    }
    node = node[segment] as Record<string, unknown>;
  }
  const last = segments.at(-1)!;
  if (hasKey(node, last)) {
    issues.push(`/${key.replace(/\./g, "/")}: "${key}" given more than once, later value dropped`);
    return;
  }
  node[last] = value;
}

/** Objects whose keys are all list positions become lists ordered by position. */
function listify(node: unknown): unknown {
  if (!isRecord(node)) return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => listify(node[k]));
  }
  const out = dict<unknown>();
  for (const key of keys) out[key] = listify(node[key]);
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
