/** A parsed `major.minor.patch` version; pre-release tags are ignored for range checks. */
type Triple = readonly [number, number, number];

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;
const RANGE = /^([\^~]?)(\d+\.\d+\.\d+(?:[-+].*)?)$/;

function parse(version: string): Triple | undefined {
  const match = VERSION.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The exclusive upper bound of a caret range: the first version that changes the left-most non-zero part. */
function caretCeiling([major, minor, patch]: Triple): Triple {
  if (major > 0) return [major + 1, 0, 0];
  if (minor > 0) return [0, minor + 1, 0];
  return [0, 0, patch + 1];
}

/**
 * Whether `range` is a normal semver range of the forms changesets writes for internal dependencies (`^x.y.z`,
 * `~x.y.z` or an exact `x.y.z`) and `version` satisfies it. Returns `undefined` for any other range syntax so the
 * caller can say the range is not one changesets keeps in step.
 */
export function satisfiesSimpleRange(version: string, range: string): boolean | undefined {
  const match = RANGE.exec(range.trim());
  const floor = match?.[2] === undefined ? undefined : parse(match[2]);
  const actual = parse(version);
  if (match === null || floor === undefined || actual === undefined) return undefined;
  if (compare(actual, floor) < 0) return false;
  if (match[1] === "") return compare(actual, floor) === 0;
  const ceiling: Triple = match[1] === "~" ? [floor[0], floor[1] + 1, 0] : caretCeiling(floor);
  return compare(actual, ceiling) < 0;
}

/** Whether `candidate` is a higher `major.minor.patch` than `base`; `undefined` when either is not a version. */
export function isHigherVersion(candidate: string, base: string): boolean | undefined {
  const a = parse(candidate);
  const b = parse(base);
  return a === undefined || b === undefined ? undefined : compare(a, b) > 0;
}
