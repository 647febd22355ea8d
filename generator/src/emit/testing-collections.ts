import type { IrMember, IrService, IrStructure, IrType } from "../ir/index.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { dataConstant } from "./literal.js";
import { paginated } from "./paginators.js";
import type { Statement, TsPrinter } from "./printer.js";
import { StructureKind } from "./ts-morph.js";
import { typeExpr } from "./type-expr.js";

/** Path of the synthesised defaults of the `/testing` entry. */
export const DEFAULTS_PATH = "src/testing/defaults.gen.ts";

/** Names of the constants it holds. */
export const DEFAULTS = { items: "defaultItems", answers: "defaultAnswers" } as const;

/** Nesting followed when synthesising an item: deep enough for real structures, finite for recursive ones. */
const MAX_DEPTH = 4;

/** `Redis` → `RedisCollections`: the type of the local endpoint's `collections` option. */
export function collectionsTypeName(ir: IrService): string {
  return `${ir.names.prefix}Collections`;
}

/**
 * The `collections` type: each list action's wire name → its item type, so a test handing the local
 * endpoint items gets them checked against the spec. `undefined` when no action lists.
 */
export function collectionsType(
  ir: IrService,
): { name: string; properties: Array<{ name: string; type: string }>; models: string[] } | undefined {
  const lists = paginated(ir);
  if (lists.length === 0) return undefined;
  const properties = lists.map(({ action, paginator }) => ({
    name: action.name,
    type: `readonly ${typeExpr(paginator.itemType)}[]`,
  }));
  const models = lists.flatMap(({ paginator }) => namedTypes(paginator.itemType));
  return { name: collectionsTypeName(ir), properties, models: [...new Set(models)].sort() };
}

/**
 * Data synthesised from the spec's member examples (members without a usable example get a zero value
 * when required and are left out otherwise): one item per list action, listed when no sample lists any,
 * and the answer of each streaming action without a sample, so its local endpoint streams something.
 * `undefined` when there is nothing to synthesise.
 */
export function emitDefaults(ir: IrService, printer: TsPrinter): GeneratedFile | undefined {
  const { items, answers } = defaults(ir);
  if (Object.keys(items).length === 0 && Object.keys(answers).length === 0) return undefined;
  const statements: Statement[] = [];
  if (Object.keys(items).length > 0) {
    statements.push(
      dataConstant({
        name: DEFAULTS.items,
        doc: "One item per list action, from the spec's member examples: what the local endpoint lists when no sample lists any.",
        type: "Readonly<Record<string, readonly object[]>>",
        value: items,
      }),
    );
  }
  if (Object.keys(answers).length > 0) {
    statements.push(
      dataConstant({
        name: DEFAULTS.answers,
        doc: "Answers of streaming actions without a sample, from the spec's member examples.",
        type: "Readonly<Record<string, object>>",
        value: answers,
      }),
    );
  }
  return printer.print(
    DEFAULTS_PATH,
    lineCommentHeader(ir, ["actions/*.json", "structures/*.json examples"]),
    statements,
  );
}

/** Which constants of {@link DEFAULTS_PATH} exist, for the testing index's import. */
export function defaultNames(ir: IrService): string[] {
  const { items, answers } = defaults(ir);
  return [
    ...(Object.keys(items).length > 0 ? [DEFAULTS.items] : []),
    ...(Object.keys(answers).length > 0 ? [DEFAULTS.answers] : []),
  ];
}

function defaults(ir: IrService): { items: Record<string, object[]>; answers: Record<string, object> } {
  const structures = new Map(ir.structures.map((s) => [s.name, s]));
  const items: Record<string, object[]> = {};
  for (const { action, paginator } of paginated(ir)) {
    if (paginator.itemType.kind !== "structure") continue;
    const structure = structures.get(paginator.itemType.name);
    if (structure) items[action.name] = [synthesise(structure.members, structures, 0)];
  }
  const answers: Record<string, object> = {};
  for (const action of ir.actions) {
    if (ir.streams[action.name] && action.samples.length === 0)
      answers[action.name] = synthesise(action.output, structures, 0);
  }
  return { items, answers };
}

function synthesise(
  members: readonly IrMember[],
  structures: ReadonlyMap<string, IrStructure>,
  depth: number,
): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const member of members) {
    const value = valueOf(member, member.type, structures, depth);
    if (value !== undefined) item[member.name] = value;
  }
  return item;
}

/** Examples upstream writes when there is none ("无" is "none"); they would make misleading data. */
const PLACEHOLDER = /^(?:无|none|null|nil|n\/a|-|—)$/i;

function valueOf(member: IrMember, type: IrType, structures: ReadonlyMap<string, IrStructure>, depth: number): unknown {
  const text = member.example?.trim();
  const example = text !== undefined && PLACEHOLDER.test(text) ? undefined : text;
  switch (type.kind) {
    case "string":
      return example !== undefined && example !== "" ? member.example : member.required ? "" : undefined;
    case "int64":
    case "uint64": {
      if (example !== undefined && /^-?\d+$/.test(example)) {
        const big = BigInt(example);
        return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
      }
      return member.required ? 0 : undefined;
    }
    case "float":
      return example !== undefined && example !== "" && Number.isFinite(Number(example))
        ? Number(example)
        : member.required
          ? 0
          : undefined;
    case "boolean":
      return example === "true" || example === "false" ? example === "true" : member.required ? false : undefined;
    case "list": {
      if (type.items.kind === "list" || type.items.kind === "object") return member.required ? [] : undefined;
      const one = valueOf({ ...member, required: false }, type.items, structures, depth);
      return one === undefined ? (member.required ? [] : undefined) : [one];
    }
    case "structure": {
      const nested = structures.get(type.name);
      if (!nested || depth >= MAX_DEPTH) return member.required ? {} : undefined;
      const value = synthesise(nested.members, structures, depth + 1);
      return Object.keys(value).length > 0 || member.required ? value : undefined;
    }
    case "object":
      return member.required ? {} : undefined;
  }
}

function namedTypes(type: IrType): string[] {
  if (type.kind === "structure") return [type.typeName];
  if (type.kind === "list") return namedTypes(type.items);
  return [];
}

/** Import of the item types the collections type names, from the models module. */
export function collectionsImports(ir: IrService): Statement[] {
  const type = collectionsType(ir);
  const integers = paginated(ir)
    .map(({ paginator }) => typeExpr(paginator.itemType))
    .filter((t) => /^U?Int64$/.test(t));
  const out: Statement[] = [];
  if (type && type.models.length > 0) {
    out.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../models.gen.js",
      isTypeOnly: true,
      namedImports: type.models,
    });
  }
  if (integers.length > 0) {
    out.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core",
      isTypeOnly: true,
      namedImports: [...new Set(integers)].sort(),
    });
  }
  return out;
}
