/** One step of a state path: a member, and whether it is a list whose every item is visited. */
export interface PathStep {
  readonly member: string;
  readonly each: boolean;
}

const STEP = /^([A-Za-z_][A-Za-z0-9_]*)(\[\])?$/;

/**
 * Parses `InstanceSet[].Status` into steps. The generator checks paths against the spec, so a bad
 * path here is a bug in generated or hand-written metadata and throws at once.
 */
export function parseStatePath(path: string): PathStep[] {
  const steps = path.split(".").map((part) => {
    const match = STEP.exec(part);
    if (!match) throw new TypeError(`Invalid state path "${path}": "${part}" is not a member name with an optional []`);
    return { member: match[1]!, each: match[2] !== undefined };
  });
  if (steps[steps.length - 1]?.each)
    throw new TypeError(`Invalid state path "${path}": it must end at a member, not a list`);
  return steps;
}

/**
 * Every scalar at `steps` in `node`, as text: one value without `[]`, one per item with it. A missing
 * member or an empty list yields no value (the resource may not be visible yet); objects are skipped.
 */
export function valuesAt(node: unknown, steps: readonly PathStep[]): string[] {
  let current: unknown[] = [node];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const item of current) {
      if (typeof item !== "object" || item === null || !Object.hasOwn(item, step.member)) continue;
      const value = (item as Record<string, unknown>)[step.member];
      if (step.each) {
        if (Array.isArray(value)) next.push(...value);
      } else next.push(value);
    }
    current = next;
  }
  return current.flatMap((v) =>
    typeof v === "string" || typeof v === "number" || typeof v === "bigint" || typeof v === "boolean"
      ? [String(v)]
      : [],
  );
}
