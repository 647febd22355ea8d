/**
 * Records whose keys come from input (upstream descriptions, samples, spec files). A plain `{}`
 * inherits from `Object.prototype`: assigning key `__proto__` replaces its prototype (or pollutes
 * every object), and `key in record` is true for `toString` or `constructor`. These helpers make
 * such records prototype-free and look keys up as own properties only.
 */

/** An empty record with no prototype: every key, `__proto__` included, is an ordinary own property. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A prototype-free record built from entries (later entries win, like `Object.fromEntries`). */
export function dictFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = dict<T>();
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** Whether `record` has `key` as its own property; never true for inherited names such as `toString`. */
export function hasKey(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** The own property `key` of `record`, or `undefined`; never an inherited member. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
