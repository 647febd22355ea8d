import type { CompiledShape, CompiledType } from "./compile.js";
import { suggestMember } from "./suggest.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Where the walk is: member names and list indexes from the request root. Kept as a stack and only
 * turned into text when a problem is found, so a valid request allocates no path strings.
 */
export type Path = Array<string | number>;

/** Problems found so far, each `path: what is wrong`. */
export interface Problems {
  readonly path: Path;
  readonly list: string[];
  /** Objects and arrays on the current path, to stop at a cycle instead of walking it forever. */
  readonly ancestors: Set<object>;
}

/**
 * Deepest path (members and list indexes) walked. Real API requests nest a few levels; a recursive
 * shape could otherwise be fed a value deep enough to overflow the call stack.
 */
export const MAX_REQUEST_DEPTH = 200;

/**
 * Appends every problem of `value` against `shape` to `problems.list`. Messages name the path and
 * the kind of value found, never the value itself: members such as `Password` carry secrets.
 */
export function checkShape(shape: CompiledShape, value: unknown, problems: Problems): void {
  if (!isPlainObject(value)) {
    mismatch(problems, `${shape.name} object`, value);
    return;
  }
  if (!enter(value, problems)) return;
  const { path } = problems;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const member = shape.members.get(key);
    path.push(key);
    if (member === undefined) {
      const suggestion = suggestMember(shape, key);
      report(problems, `unknown member${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}`);
    } else {
      const memberValue = value[key];
      // `undefined` is how optional members are left out in TypeScript; JSON drops it too.
      if (memberValue !== undefined) checkType(member.type, memberValue, problems);
    }
    path.pop();
  }
  for (const name of shape.required) {
    if (value[name] === undefined) {
      path.push(name);
      report(problems, "required");
      path.pop();
    }
  }
  problems.ancestors.delete(value);
}

/** Records `value` as being walked; false (with a problem reported) at a cycle or beyond the depth limit. */
function enter(value: object, problems: Problems): boolean {
  if (problems.path.length > MAX_REQUEST_DEPTH) {
    report(problems, `nested deeper than ${MAX_REQUEST_DEPTH} levels`);
    return false;
  }
  if (problems.ancestors.has(value)) {
    report(problems, "cyclic reference to an enclosing object or array");
    return false;
  }
  problems.ancestors.add(value);
  return true;
}

function checkType(type: CompiledType, value: unknown, problems: Problems): void {
  switch (type.kind) {
    case "string":
    case "boolean":
      if (typeof value !== type.kind) mismatch(problems, type.kind, value);
      return;
    case "float":
      if (typeof value !== "number") mismatch(problems, "number", value);
      else if (!Number.isFinite(value)) report(problems, `expected a finite number, got ${String(value)}`);
      return;
    case "integer":
      checkInteger(type.unsigned, value, problems);
      return;
    case "object":
      if (!isPlainObject(value)) mismatch(problems, "object", value);
      return;
    case "list":
      if (!Array.isArray(value)) {
        mismatch(problems, "array", value);
        return;
      }
      if (!enter(value, problems)) return;
      for (let i = 0; i < value.length; i++) {
        problems.path.push(i);
        checkType(type.item, value[i], problems);
        problems.path.pop();
      }
      problems.ancestors.delete(value);
      return;
    case "structure":
      checkShape(type.shape, value, problems);
      return;
  }
}

function checkInteger(unsigned: boolean, value: unknown, problems: Problems): void {
  const expected = unsigned ? "unsigned integer" : "integer";
  if (typeof value === "bigint") {
    const [min, max] = unsigned ? [0n, UINT64_MAX] : [INT64_MIN, INT64_MAX];
    if (value < min || value > max)
      report(problems, `expected ${expected}, got a bigint outside the ${unsigned ? "uint64" : "int64"} range`);
    return;
  }
  if (typeof value !== "number") {
    mismatch(problems, expected, value);
  } else if (!Number.isInteger(value)) {
    report(problems, `expected ${expected}, got ${Number.isFinite(value) ? "a fractional number" : String(value)}`);
  } else if (!Number.isSafeInteger(value)) {
    report(problems, `integer beyond 2^53 has already lost precision; pass it as a bigint`);
  } else if (unsigned && value < 0) {
    report(problems, `expected ${expected}, got a negative number`);
  }
}

/** Accepts `{}`-style objects from any realm and `Object.create(null)`, but not arrays, dates or class instances. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (Number.isNaN(value)) return "NaN";
  if (typeof value === "object") {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === "string" && name !== "Object" ? name : "object";
  }
  return typeof value;
}

/** Reports a value of the wrong type, described by its kind only. */
function mismatch(problems: Problems, expected: string, value: unknown): void {
  report(problems, `expected ${expected}, got ${describe(value)}`);
}

function report(problems: Problems, what: string): void {
  problems.list.push(`${formatPath(problems.path)}: ${what}`);
}

/** `Filters[2].Name`; `request` for the root. */
function formatPath(path: Path): string {
  let text = "";
  for (const segment of path)
    text += typeof segment === "number" ? `[${segment}]` : text === "" ? segment : `.${segment}`;
  return text === "" ? "request" : text;
}
