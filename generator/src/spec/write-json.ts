import { compareCodeUnits } from "../support/code-units.js";
import { dict } from "./dict.js";

/**
 * Canonical JSON for spec files: keys sorted at every depth, two-space indent,
 * trailing newline. Arrays keep their order (members keep wire order).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + "\n";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    // Keys come from input: a `__proto__` key must stay an ordinary key, not set a prototype.
    const out = dict<unknown>();
    for (const key of Object.keys(value).sort(compareCodeUnits)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
