/**
 * `JSON.stringify` that also writes `bigint` values as JSON integers (int64/uint64 members beyond
 * 2^53). Requests without a bigint take the native path untouched; the rest are serialized by a
 * small writer with `JSON.stringify`'s rules (`toJSON`, `undefined` members skipped, `null` in arrays).
 */
// @ts-nocheck

export function stringifyJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch (error) {
    if (!(error instanceof TypeError) || !/BigInt/i.test(error.message)) throw error;
  }
  return write(value, "", new Set()) ?? "null";
}

/** `ancestors` holds the objects being written, to reject cycles as `JSON.stringify` does. */
function write(value: unknown, key: string, ancestors: Set<object>): string | undefined {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  switch (typeof value) {
    case "bigint":
      return value.toString();
    case "string":
    case "number":
    case "boolean":
      return JSON.stringify(value);
    case "object":
      if (value === null) return "null";
      if (value instanceof Number || value instanceof String || value instanceof Boolean) {
        return JSON.stringify(value);
      }
      if (ancestors.has(value)) throw new TypeError("Converting circular structure to JSON");
      ancestors.add(value);
      try {
        return Array.isArray(value)
          ? `[${value.map((item, i) => write(item, String(i), ancestors) ?? "null").join(",")}]`
          : writeObject(value as Record<string, unknown>, ancestors);
      } finally {
        ancestors.delete(value);
      }
    default:
      return undefined;
  }
}

function writeObject(value: Record<string, unknown>, ancestors: Set<object>): string {
  const parts: string[] = [];
  for (const key of Object.keys(value)) {
    const member = write(value[key], key, ancestors);
    if (member !== undefined) parts.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${parts.join(",")}}`;
}
