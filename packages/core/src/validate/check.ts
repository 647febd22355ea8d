import type { CompiledShape, CompiledType } from "./compile.js";
import { suggestMember } from "./suggest.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Appends every problem of `value` against `shape` to `problems`. Messages name the path and the
 * kind of value found, never the value itself: members such as `Password` carry secrets.
 */
export function checkShape(shape: CompiledShape, value: unknown, path: string, problems: string[]): void {
  if (!isPlainObject(value)) {
    problems.push(`${label(path)}: expected ${shape.name} object, got ${describe(value)}`);
    return;
  }
  for (const key of Object.keys(value)) {
    const member = shape.members.get(key);
    const memberPath = path === "" ? key : `${path}.${key}`;
    if (member === undefined) {
      const suggestion = suggestMember(shape, key);
      problems.push(`${memberPath}: unknown member${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}`);
      continue;
    }
    const memberValue = value[key];
    // `undefined` is how optional members are left out in TypeScript; JSON drops it too.
    if (memberValue !== undefined) checkType(member.type, memberValue, memberPath, problems);
  }
  for (const name of shape.required) {
    if (value[name] === undefined) problems.push(`${path === "" ? name : `${path}.${name}`}: required`);
  }
}

function checkType(type: CompiledType, value: unknown, path: string, problems: string[]): void {
  switch (type.kind) {
    case "string":
      if (typeof value !== "string") problems.push(`${path}: expected string, got ${describe(value)}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") problems.push(`${path}: expected boolean, got ${describe(value)}`);
      return;
    case "float":
      if (typeof value !== "number") problems.push(`${path}: expected number, got ${describe(value)}`);
      else if (!Number.isFinite(value)) problems.push(`${path}: expected a finite number, got ${String(value)}`);
      return;
    case "integer":
      checkInteger(type.unsigned, value, path, problems);
      return;
    case "object":
      if (!isPlainObject(value)) problems.push(`${path}: expected object, got ${describe(value)}`);
      return;
    case "list":
      if (!Array.isArray(value)) {
        problems.push(`${path}: expected array, got ${describe(value)}`);
        return;
      }
      for (let i = 0; i < value.length; i++) checkType(type.item, value[i], `${path}[${i}]`, problems);
      return;
    case "structure":
      checkShape(type.shape, value, path, problems);
      return;
  }
}

function checkInteger(unsigned: boolean, value: unknown, path: string, problems: string[]): void {
  const expected = unsigned ? "unsigned integer" : "integer";
  if (typeof value === "bigint") {
    const [min, max] = unsigned ? [0n, UINT64_MAX] : [INT64_MIN, INT64_MAX];
    if (value < min || value > max) problems.push(`${path}: expected ${expected}, got a bigint outside the ${unsigned ? "uint64" : "int64"} range`);
    return;
  }
  if (typeof value !== "number") {
    problems.push(`${path}: expected ${expected}, got ${describe(value)}`);
  } else if (!Number.isInteger(value)) {
    problems.push(`${path}: expected ${expected}, got ${Number.isFinite(value) ? "a fractional number" : String(value)}`);
  } else if (!Number.isSafeInteger(value)) {
    problems.push(`${path}: integer beyond 2^53 has already lost precision; pass it as a bigint`);
  } else if (unsigned && value < 0) {
    problems.push(`${path}: expected ${expected}, got a negative number`);
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
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  if (typeof value === "object") {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === "string" && name !== "Object" ? name : "object";
  }
  return typeof value;
}

function label(path: string): string {
  return path === "" ? "request" : path;
}
