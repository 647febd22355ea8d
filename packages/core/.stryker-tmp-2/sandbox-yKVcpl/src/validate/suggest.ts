// @ts-nocheck
import type { CompiledShape } from "./compile.js";

const MAX_EDITS = 2;

/**
 * The member a caller most likely meant by an unknown key: a case-insensitive match first
 * (`TaskID` → `TaskId`), else the single closest name within two edits (`InstanceID`, `IntanceId`).
 * Runs only on the error path, so its cost does not matter for valid requests.
 */
export function suggestMember(shape: CompiledShape, key: string): string | undefined {
  const lower = key.toLowerCase();
  const exact = shape.byLowerCase.get(lower);
  if (exact !== undefined) return exact;
  if (lower.length < 4) return undefined;
  let best: string | undefined;
  let bestDistance = MAX_EDITS + 1;
  let tie = false;
  for (const [candidateLower, name] of shape.byLowerCase) {
    // The limit lets an equal distance through, so ties between two candidates are seen.
    const distance = editDistance(lower, candidateLower, bestDistance + 1);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** Levenshtein distance, giving up (returning `limit`) as soon as it cannot be below `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit);
}
