import type { IrAction, IrPaginator, IrService } from "../../ir/index.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import { codeRef, dataConstant } from "../support/literal.js";
import { methodLink, requestOptional } from "../support/names.js";
import type { ModuleImports } from "../support/symbols.js";
import { exampleTag } from "../support/tsdoc.js";
import { typeExpr } from "../support/type-expr.js";
import { actionRef } from "./actions.js";
import { MODELS_PATH } from "./models.js";
import type { Operation } from "./operation.js";

/** Path of the paginators module inside a generated package. */
export const PAGINATORS_PATH = "src/paginators.gen.ts";

/** Paginated actions with their paginator, in action order. */
export function paginated(ir: IrService): Array<{ action: IrAction; paginator: IrPaginator }> {
  return ir.actions.flatMap((action) => (action.paginator ? [{ action, paginator: action.paginator }] : []));
}

/** Paginator metadata for core's `paginate`; nothing when no action paginates. */
export const paginatorsEmitter: VersionEmitter = {
  name: "paginators",
  files: [PAGINATORS_PATH],
  runtime: ["PaginatorMeta"],
  emit(ir, context) {
    const all = paginated(ir);
    if (all.length === 0) return [];
    const imports = context.imports(ir, PAGINATORS_PATH);
    const statements = all.map(({ action, paginator: p }) =>
      dataConstant({
        name: p.metaName,
        doc: `Pages of ${action.name} by \`${p.offset}\`/\`${p.limit}\`, items in \`${p.items}\`.`,
        type: imports.runtime("PaginatorMeta"),
        value: {
          action: codeRef(`${actionRef(imports, action.methodName)}`),
          offset: p.offset,
          limit: p.limit,
          items: p.items,
          ...(p.total !== undefined ? { total: p.total } : {}),
        },
      }),
    );
    return [context.print(imports, lineCommentHeader(ir, ["service.json"]), statements)];
  },
};

/**
 * One paginated action's paginator: one core `paginate` call over the action's standalone function.
 * Records what its signature and TSDoc use in `imports`.
 */
export function paginatorOperation(ir: IrService, imports: ModuleImports, action: IrAction, p: IrPaginator): Operation {
  if (p.itemType.kind === "structure") imports.generated(MODELS_PATH, p.itemType.typeName, { isType: true });
  const item = typeExpr(p.itemType, imports);
  const optional = requestOptional(action);
  const stop = p.total !== undefined ? `\`${p.total}\` items have been read, or at` : "";
  return {
    name: p.methodName,
    parameters: [
      { name: "request", type: action.requestType, ...(optional ? { initializer: "{}" } : {}) },
      { name: "options", type: imports.runtime("PaginateOptions"), hasQuestionToken: true },
    ],
    returnType: `${imports.runtime("Paginated")}<${item}, ${action.responseType}>`,
    docs: (call) => ({
      description:
        `Every item of ${methodLink(ir, action.methodName)} (\`${p.items}\`), fetched page by page as you iterate; ` +
        "`.pages()` yields the whole responses instead.\n\n" +
        `Starts at the request's \`${p.offset}\` (default 0) and stops when ${stop} a short or empty page. ` +
        "A server repeating a page raises `PaginationError` instead of looping.",
      tags: [
        { tag: "param", text: `request - The request of every page; \`${p.offset}\` is where to start.` },
        { tag: "param", text: `options - \`pageSize\` (sent as \`${p.limit}\`) and an abort \`signal\`.` },
        exampleTag(
          `for await (const item of ${call(p.methodName, optional ? "" : "request")}) {\n  console.log(item);\n}`,
        ),
        ...(action.deprecated ? [{ tag: "deprecated", text: `${action.name} is deprecated.` }] : []),
      ],
    }),
    // The action's function is declared beside this one in operations.gen.ts.
    body: (body) => [
      `return ${body.runtime("paginate")}<${action.requestType}, ${action.responseType}, ${typeExpr(p.itemType, body)}>(`,
      `  (page, callOptions) => ${action.methodName}(client, page, callOptions),`,
      `  ${body.generated(PAGINATORS_PATH, p.metaName)},`,
      "  request,",
      "  options,",
      ");",
    ],
  };
}
