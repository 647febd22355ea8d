import type { MethodDeclarationStructure, OptionalKind } from "ts-morph";
import type { IrAction, IrPaginator, IrService } from "../ir/index.js";
import { GENERATED_VALUES } from "../ir/reserved.js";
import { coreSpecifiers } from "./core-import.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { codeRef, dataConstant } from "./literal.js";
import { MODULES, methodLink } from "./names.js";
import type { Statement, TsPrinter } from "./printer.js";
import { StructureKind } from "./ts-morph.js";
import { doc, exampleTag } from "./tsdoc.js";
import { typeExpr } from "./type-expr.js";

/** Path of the paginators module inside a generated package. */
export const PAGINATORS_PATH = "src/paginators.gen.ts";

/** Paginated actions with their paginator, in action order. */
export function paginated(ir: IrService): Array<{ action: IrAction; paginator: IrPaginator }> {
  return ir.actions.flatMap((action) => (action.paginator ? [{ action, paginator: action.paginator }] : []));
}

/** Paginator metadata for core's `paginate`; `undefined` when no action paginates. */
export function emitPaginators(ir: IrService, printer: TsPrinter): GeneratedFile | undefined {
  const all = paginated(ir);
  if (all.length === 0) return undefined;
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core",
      isTypeOnly: true,
      namedImports: coreSpecifiers(ir, ["PaginatorMeta"]),
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: MODULES.metadata,
      namedImports: [GENERATED_VALUES.actions],
    },
    ...all.map(({ action, paginator: p }) =>
      dataConstant({
        name: p.metaName,
        doc: `Pages of ${action.name} by \`${p.offset}\`/\`${p.limit}\`, items in \`${p.items}\`.`,
        type: ir.core.PaginatorMeta,
        value: {
          action: codeRef(`${GENERATED_VALUES.actions}.${action.methodName}`),
          offset: p.offset,
          limit: p.limit,
          items: p.items,
          ...(p.total !== undefined ? { total: p.total } : {}),
        },
      }),
    ),
  ];
  return printer.print(PAGINATORS_PATH, lineCommentHeader(ir, ["service.json"]), statements);
}

/** The client method iterating one paginated action: one `paginate` call. */
export function paginatorMethod(
  ir: IrService,
  action: IrAction,
  p: IrPaginator,
): OptionalKind<MethodDeclarationStructure> {
  const item = typeExpr(p.itemType, ir.core);
  const optional = !action.input.some((m) => m.required);
  const stop = p.total !== undefined ? `\`${p.total}\` items have been read, or at` : "";
  return {
    name: p.methodName,
    parameters: [
      { name: "request", type: action.requestType, ...(optional ? { initializer: "{}" } : {}) },
      { name: "options", type: ir.core.PaginateOptions, hasQuestionToken: true },
    ],
    returnType: `${ir.core.Paginated}<${item}, ${action.responseType}>`,
    docs: [
      doc(
        `Every item of ${methodLink(ir, action.methodName)} (\`${p.items}\`), fetched page by page as you iterate; ` +
          "`.pages()` yields the whole responses instead.\n\n" +
          `Starts at the request's \`${p.offset}\` (default 0) and stops when ${stop} a short or empty page. ` +
          "A server repeating a page raises `PaginationError` instead of looping.",
        [
          { tag: "param", text: `request - The request of every page; \`${p.offset}\` is where to start.` },
          { tag: "param", text: `options - \`pageSize\` (sent as \`${p.limit}\`) and an abort \`signal\`.` },
          exampleTag(
            `for await (const item of client.${p.methodName}(${optional ? "" : "request"})) {\n  console.log(item);\n}`,
          ),
          ...(action.deprecated ? [{ tag: "deprecated", text: `${action.name} is deprecated.` }] : []),
        ],
      ),
    ],
    statements: [
      `return ${ir.core.paginate}<${action.requestType}, ${action.responseType}, ${item}>(`,
      `  (page, callOptions) => this.${action.methodName}(page, callOptions),`,
      `  ${p.metaName},`,
      "  request,",
      "  options,",
      ");",
    ],
  };
}
