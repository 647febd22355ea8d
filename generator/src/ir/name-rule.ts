/**
 * The one collision rule of the generator (documented in generator/README.md, "Names"). Spec names
 * are wire names; a TypeScript name derived from one may be unusable because the runtime, the
 * language or the package itself already uses it. Each case has one fixed answer, applied the same
 * way to every service, so no service needs an exception:
 *
 * 1. A runtime name (an `@org/tc-core` export a generated module uses) never blocks a spec name
 *    (a method name included: the modular form makes each method a module-level function):
 *    the generated modules import it under the private alias `_<Name>` (spec type names start with
 *    a capital, so no spec name can take an alias) and the package index re-exports only the core
 *    names no spec name took. `Credentials` in a spec is the service's structure.
 * 2. A structure whose name a generated name or a JavaScript global the generated code uses
 *    (`Promise`, `Record`, …) already takes is emitted as `<Name>Structure`.
 * 3. A client method whose name is a member of the core client (`invoke`, `close`, …), a
 *    module value the standalone functions live beside (`actions`, `serviceMeta`), of
 *    `Object.prototype` (`toString`, `constructor`, `__proto__`, …) or a reserved word takes the
 *    suffix `Action` (`Invoke` → `invokeAction`).
 * 4. A maintainer can choose any of these names in `service.json` `names`; a chosen name is used
 *    as is.
 * 5. What is still taken after that (two chosen names, a suffixed name that exists too, a waiter
 *    and an action method) is a real ambiguity and is reported with both origins.
 *
 * Member names are wire names and never change; emitters write keys that are not plain
 * identifiers or that `Object.prototype` defines as quoted or computed properties.
 */

/** Suffix of a structure whose name is taken (rule 2). */
export const STRUCTURE_SUFFIX = "Structure";
/** Suffix of a client method whose name is reserved (rule 3). */
export const METHOD_SUFFIX = "Action";
/** Prefix of the private alias of a core name a spec name took (rule 1). */
export const CORE_ALIAS_PREFIX = "_";

/** Members every object inherits: a method or plain key with one of these names misbehaves. */
export const OBJECT_PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "__proto__",
]);

/** ECMAScript reserved words and strict-mode/TypeScript keywords that cannot name a binding. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval"
  ).split(" "),
);

/**
 * Global names generated modules refer to unqualified (types and values); a structure named like one
 * would shadow it inside the models, client or waiter module.
 */
export const GLOBAL_NAMES: ReadonlySet<string> = new Set([
  "Array",
  "BigInt",
  "Boolean",
  "Error",
  "Function",
  "Number",
  "Object",
  "Partial",
  "Promise",
  "Readonly",
  "ReadonlyArray",
  "Record",
  "String",
  "Symbol",
]);

/** Whether a client method name must take {@link METHOD_SUFFIX} (rule 3). */
export function isReservedMethodName(name: string, clientMembers: readonly string[]): boolean {
  return clientMembers.includes(name) || OBJECT_PROTOTYPE_NAMES.has(name) || RESERVED_WORDS.has(name);
}

/** Whether a property key must be quoted (or, in object literals, computed) to mean itself. */
export function isPlainPropertyKey(key: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) && !OBJECT_PROTOTYPE_NAMES.has(key);
}
