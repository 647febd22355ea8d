import type { MethodDeclarationStructure, OptionalKind } from "ts-morph";
import type { IrService, IrWaiter } from "../ir/index.js";
import type { CoreName } from "../ir/reserved.js";
import { GENERATED_VALUES } from "../ir/reserved.js";
import { coreSpecifiers } from "./core-import.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { codeRef, dataConstant, propertyKey } from "./literal.js";
import { actionNamed, MODULES, methodLink } from "./names.js";
import type { Statement, TsPrinter } from "./printer.js";
import { StructureKind } from "./ts-morph.js";
import { doc, exampleTag } from "./tsdoc.js";
import { integerAliases, typeExpr } from "./type-expr.js";

/** Path of the waiters module inside a generated package. */
export const WAITERS_PATH = "src/waiters.gen.ts";

/**
 * Waiter metadata for core's `waitFor`, and the type of what each waiter accepts:
 * the tracked id itself or any response carrying it. `undefined` when the service has no waiter.
 */
export function emitWaiters(ir: IrService, printer: TsPrinter): GeneratedFile | undefined {
  if (ir.waiters.length === 0) return undefined;
  const coreTypes = ["WaiterMeta", ...integerAliases(ir.waiters.map((w) => w.inputType))] as CoreName[];
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core",
      isTypeOnly: true,
      namedImports: coreSpecifiers(ir, coreTypes),
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: MODULES.metadata,
      namedImports: [GENERATED_VALUES.actions],
    },
  ];
  for (const w of ir.waiters) {
    const tracked = w.trackedActions.map((name) => methodLink(ir, actionNamed(ir, name).methodName));
    statements.push(
      {
        kind: StructureKind.TypeAlias,
        name: w.targetTypeName,
        isExported: true,
        type: `${typeExpr(w.inputType, ir.core)} | { readonly ${propertyKey(w.input)}: ${typeExpr(w.inputType, ir.core)} }`,
        docs: [
          doc(
            `What {@link ${ir.names.client}.${w.methodName}} accepts: a \`${w.input}\`, or the response of an action that ` +
              `returns one${tracked.length > 0 ? `: ${tracked.join(", ")}` : ""}.`,
          ),
        ],
      },
      dataConstant({
        name: w.metaName,
        doc: `Waiter ${w.name}: polls ${w.action} until \`${w.path}\` is ${w.success.join(" or ")}.`,
        type: ir.core.WaiterMeta,
        value: {
          action: codeRef(`${GENERATED_VALUES.actions}.${actionNamed(ir, w.action).methodName}`),
          input: w.input,
          path: w.path,
          success: w.success,
          failure: w.failure,
          minDelayMs: w.minDelayMs,
          maxDelayMs: w.maxDelayMs,
        },
      }),
    );
  }
  return printer.print(WAITERS_PATH, lineCommentHeader(ir, ["service.json"]), statements);
}

/** Client methods waiting on each waiter: one `waitFor` call each. */
export function waiterMethods(ir: IrService): OptionalKind<MethodDeclarationStructure>[] {
  return ir.waiters.map((w) => waiterMethod(ir, w));
}

function waiterMethod(ir: IrService, w: IrWaiter): OptionalKind<MethodDeclarationStructure> {
  const polled = actionNamed(ir, w.action);
  const starter = w.trackedActions[0] === undefined ? undefined : actionNamed(ir, w.trackedActions[0]);
  const description = [
    `Waits until ${w.action} reports \`${w.path}\` as ${quoteAll(w.success)}, polling from every ` +
      `${w.minDelayMs} ms up to every ${w.maxDelayMs} ms, and resolves with that last response.`,
    `Rejects with a \`TaskFailedError\` when \`${w.path}\` becomes ${quoteAll(w.failure)}, with a ` +
      "`WaiterTimeoutError` after `options.timeoutMs` (default 30 minutes), and with a `RequestAbortedError` " +
      "as soon as `options.signal` aborts. Transient errors are retried by the client, not counted as failure.",
  ].join("\n\n");
  return {
    name: w.methodName,
    parameters: [
      { name: "target", type: w.targetTypeName },
      { name: "options", type: `${ir.core.WaitOptions}<${polled.responseType}>`, hasQuestionToken: true },
    ],
    returnType: `Promise<${polled.responseType}>`,
    docs: [
      doc(description, [
        { tag: "param", text: `target - A \`${w.input}\`, or a response carrying one.` },
        { tag: "param", text: "options - Timeout, delays, abort signal and an `onProgress(status)` callback." },
        ...(starter
          ? [
              exampleTag(
                [
                  `const started = await client.${starter.methodName}(request);`,
                  `const done = await client.${w.methodName}(started, { onProgress: (status) => console.log(status) });`,
                ].join("\n"),
              ),
            ]
          : []),
      ]),
    ],
    statements: [
      `return ${ir.core.waitFor}(`,
      `  (request, callOptions) => this.invoke<${polled.responseType}>(${GENERATED_VALUES.actions}.${polled.methodName}, request, callOptions),`,
      `  ${w.metaName},`,
      "  target,",
      "  options,",
      ");",
    ],
  };
}

function quoteAll(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(" or ");
}
