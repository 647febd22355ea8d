import type { ActionMeta } from "./meta.js";

/**
 * A service's actions in the compact form generated packages ship: what every action shares is
 * stated once and derived here, and only what differs is spelled out, so a bundle carries each
 * wire name once instead of three times.
 */
export interface ActionTable {
  /** Wire names, comma-separated, e.g. `"DescribeInstances,DescribeTaskInfo"`. */
  readonly names: string;
  /** Requests per second of every action not listed in {@link ActionTable.rateLimits}. */
  readonly rateLimit: number;
  /** One `1` (read-only) or `0` per name, in the order of {@link ActionTable.names}, e.g. `"11"`. */
  readonly readOnly: string;
  /** Wire name → requests per second, for actions whose limit differs from {@link ActionTable.rateLimit}. */
  readonly rateLimits?: Readonly<Record<string, number>>;
  /** Wire name → client method name, for actions whose name is not the derived camelCase one. */
  readonly methods?: Readonly<Record<string, string>>;
  /** Wire name → request shape name, for actions whose shape is not `<Name>Request`. */
  readonly inputs?: Readonly<Record<string, string>>;
  /**
   * Actions that need a region ({@link ActionMeta.regionRequired}): `true` for every action, or their
   * wire names, comma-separated. Absent: none.
   */
  readonly regionRequired?: true | string;
}

/**
 * Expands an {@link ActionTable} into one frozen {@link ActionMeta} per action, keyed by client
 * method name. `M` is the union of method names, which the generator states because it is the one
 * that checked them against the spec. Annotated as free of side effects, so bundlers that honour
 * the annotation across modules (Rollup, Vite) drop a table nothing uses.
 *
 * @throws TypeError when the flags do not match the names one for one, two actions share a method
 * name, or an exception names an action that is not in the table: a malformed table is a bug in
 * generated code and must not silently fall back to defaults.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineActions<M extends string>(table: ActionTable): Readonly<Record<M, ActionMeta>> {
  const { rateLimits = {}, methods = {}, inputs = {} } = table;
  const names = table.names === "" ? [] : table.names.split(",");
  const needRegion = typeof table.regionRequired === "string" ? table.regionRequired.split(",") : [];
  if (!/^[01]*$/.test(table.readOnly) || table.readOnly.length !== names.length) {
    throw new TypeError(`defineActions: ${names.length} names but readOnly is "${table.readOnly}"`);
  }
  const out: Record<string, ActionMeta> = {};
  names.forEach((name, i) => {
    const method = methods[name] ?? actionMethodName(name);
    if (Object.hasOwn(out, method)) throw new TypeError(`defineActions: method ${method} is defined twice`);
    out[method] = Object.freeze({
      name,
      rateLimit: rateLimits[name] ?? table.rateLimit,
      readOnly: table.readOnly[i] === "1",
      input: inputs[name] ?? `${name}Request`,
      regionRequired: table.regionRequired === true || needRegion.includes(name),
    });
  });
  const unknown = [...[rateLimits, methods, inputs].flatMap(Object.keys), ...needRegion].filter(
    (name) => !names.includes(name),
  );
  if (unknown.length > 0) throw new TypeError(`defineActions: exceptions for unknown actions ${unknown.join(", ")}`);
  return Object.freeze(out) as Readonly<Record<M, ActionMeta>>;
}

/**
 * `DescribeTaskInfo` → `describeTaskInfo`, `DBInstances` → `dbInstances`, `ABC` → `abc`: the first
 * letter is lowered, and so is the rest of a leading acronym except a capital that starts the next
 * word. Must stay identical to the generator's `camelCase`; the generator's tests compare the two.
 */
export function actionMethodName(name: string): string {
  return name.replace(/^[A-Z](?:[A-Z]*(?![a-z]))?/, (acronym) => acronym.toLowerCase());
}
