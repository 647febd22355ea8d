import type { CodeBlockWriter } from "ts-morph";
import { isPlainPropertyKey } from "../../ir/name-rule.js";
import { clean } from "./tsdoc.js";

/**
 * Writes plain JSON data as a TypeScript literal. Keys stay in the order given; callers
 * pass data whose order is already deterministic. Indentation is set explicitly per line
 * because ts-morph hangs initializers one level deeper than their declaration.
 */
export function writeLiteral(writer: CodeBlockWriter, value: unknown, level = writer.getIndentationLevel()): void {
  if (isScalar(value)) {
    writer.write(scalar(value));
    return;
  }
  if (Array.isArray(value)) {
    if (value.every(isScalar)) {
      writer.write(`[${value.map(scalar).join(", ")}]`);
      return;
    }
    writeBlock(writer, "[", "]", level, value, (item) => writeLiteral(writer, item, level + 1));
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) {
    writer.write("{}");
    return;
  }
  const inline = inlineObject(entries);
  if (inline !== undefined) {
    writer.write(inline);
    return;
  }
  writeBlock(writer, "{", "}", level, entries, ([key, item]) => {
    writer.write(`${literalKey(key)}: `);
    writeLiteral(writer, item, level + 1);
  });
}

function writeBlock<T>(
  writer: CodeBlockWriter,
  open: string,
  close: string,
  level: number,
  items: readonly T[],
  each: (item: T) => void,
): void {
  writer.write(open);
  for (const item of items) {
    writer.newLine().setIndentationLevel(level + 1);
    each(item);
    writer.write(",");
  }
  writer.newLine().setIndentationLevel(level);
  writer.write(close);
}

/** Flat records (only scalar values) that fit a line are written on one line: compact tables read better. */
function inlineObject(entries: ReadonlyArray<[string, unknown]>): string | undefined {
  if (!entries.every(([, v]) => isScalar(v))) return undefined;
  const text = `{ ${entries.map(([k, v]) => `${literalKey(k)}: ${scalar(v)}`).join(", ")} }`;
  return text.length <= INLINE_WIDTH ? text : undefined;
}

const INLINE_WIDTH = 100;

/**
 * A property name, quoted when it is not an identifier or names an `Object.prototype` member, so a
 * wire name like `constructor` reads as data. For type members; object literals use {@link literalKey}.
 */
export function propertyKey(key: string): string {
  return isPlainPropertyKey(key) ? key : JSON.stringify(key);
}

/**
 * A key of an object literal: as {@link propertyKey}, but `__proto__` is computed, because
 * `{ __proto__: x }` and `{ "__proto__": x }` both set the prototype and drop the key.
 */
export function literalKey(key: string): string {
  return key === "__proto__" ? `[${JSON.stringify(key)}]` : propertyKey(key);
}

/** A reference to another generated value inside a data literal, written verbatim. */
export class CodeReference {
  constructor(readonly expression: string) {}
}

/** `codeRef("actions.describeTaskInfo")` inside data passed to {@link writeLiteral}. */
export function codeRef(expression: string): CodeReference {
  return new CodeReference(expression);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== "object" || value instanceof CodeReference;
}

function scalar(value: unknown): string {
  if (value instanceof CodeReference) return value.expression;
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined) return "undefined";
  return JSON.stringify(value);
}

/** An exported constant holding data, as a statement for {@link TsPrinter.print}. */
export interface DataConstant {
  readonly name: string;
  /** One-line TSDoc. */
  readonly doc: string;
  readonly type?: string;
  readonly value: unknown;
  /** Type the value must satisfy while keeping its inferred type, e.g. `Record<string, ActionMeta>`. */
  readonly satisfies?: string;
}

/**
 * Writes `export const name: type = <literal>;`. A statement writer rather than a variable
 * structure because ts-morph re-indents multi-line initializers one level too deep.
 */
export function dataConstant(c: DataConstant): (writer: CodeBlockWriter) => void {
  return (writer) => {
    writer.write(`/** ${clean(c.doc).replace(/\n/g, " ")} */`).newLine();
    writer.write(`export const ${c.name}${c.type ? `: ${c.type}` : ""} = `);
    writeLiteral(writer, c.value, 0);
    writer.write(c.satisfies ? ` satisfies ${c.satisfies};` : ";").newLine();
  };
}
