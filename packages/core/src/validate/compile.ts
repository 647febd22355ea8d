import type { ShapeTable, TypeCode } from "../meta.js";

/** A type code parsed once, so validation never re-reads the compact strings. */
export type CompiledType =
  | { readonly kind: "string" }
  | { readonly kind: "integer"; readonly unsigned: boolean }
  | { readonly kind: "float" }
  | { readonly kind: "boolean" }
  | { readonly kind: "object" }
  | { readonly kind: "list"; readonly item: CompiledType }
  | { readonly kind: "structure"; readonly shape: CompiledShape };

/** One member of a compiled shape. */
export interface CompiledMember {
  readonly name: string;
  readonly type: CompiledType;
  readonly required: boolean;
}

/** A shape with its members indexed for O(1) lookup by wire name and by lower-cased name. */
export interface CompiledShape {
  readonly name: string;
  readonly members: ReadonlyMap<string, CompiledMember>;
  readonly required: readonly string[];
  /** Lower-cased wire name → wire name, for "did you mean" on case typos. */
  readonly byLowerCase: ReadonlyMap<string, string>;
}

type Shapes = ShapeTable;

const cache = new WeakMap<Shapes, ReadonlyMap<string, CompiledShape>>();

const SCALARS: Readonly<Record<string, CompiledType>> = {
  s: { kind: "string" },
  i: { kind: "integer", unsigned: false },
  u: { kind: "integer", unsigned: true },
  f: { kind: "float" },
  b: { kind: "boolean" },
  o: { kind: "object" },
};

/**
 * Compiles a whole shapes table once and caches it by identity, so every call after the first
 * costs one WeakMap lookup. A malformed code is a generator bug, reported with the shape and member.
 */
export function compileShapes(shapes: Shapes): ReadonlyMap<string, CompiledShape> {
  const cached = cache.get(shapes);
  if (cached) return cached;

  // Shapes are created before their members are filled so that `#Name` can refer to any shape,
  // including the one being compiled (recursive structures).
  const compiled = new Map<
    string,
    CompiledShape & { members: Map<string, CompiledMember>; required: string[]; byLowerCase: Map<string, string> }
  >();
  for (const name of Object.keys(shapes)) {
    compiled.set(name, { name, members: new Map(), required: [], byLowerCase: new Map() });
  }

  const parsed = new Map<TypeCode, CompiledType>();
  const parse = (code: TypeCode, where: string): CompiledType => {
    const known = SCALARS[code] ?? parsed.get(code);
    if (known) return known;
    let type: CompiledType;
    if (code.startsWith("[") && code.length > 1) {
      type = { kind: "list", item: parse(code.slice(1), where) };
    } else if (code.startsWith("#") && code.length > 1) {
      const shape = compiled.get(code.slice(1));
      if (!shape) throw new TypeError(`Invalid service metadata: ${where} refers to unknown shape "${code.slice(1)}"`);
      type = { kind: "structure", shape };
    } else {
      throw new TypeError(`Invalid service metadata: ${where} has unknown type code "${code}"`);
    }
    parsed.set(code, type);
    return type;
  };

  for (const [name, members] of Object.entries(shapes)) {
    const shape = compiled.get(name)!;
    for (const [member, rawCode] of Object.entries(members)) {
      const required = rawCode.startsWith("!");
      const type = parse(required ? rawCode.slice(1) : rawCode, `${name}.${member}`);
      shape.members.set(member, { name: member, type, required });
      if (required) shape.required.push(member);
      shape.byLowerCase.set(member.toLowerCase(), member);
    }
  }

  cache.set(shapes, compiled);
  return compiled;
}
