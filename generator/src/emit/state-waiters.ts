import type { MethodDeclarationStructure, OptionalKind } from "ts-morph";
import type { IrService, IrStateWaiter } from "../ir/index.js";
import { type CoreName, GENERATED_VALUES } from "../ir/reserved.js";
import { coreSpecifiers } from "./core-import.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { codeRef, dataConstant } from "./literal.js";
import { actionNamed, methodLink, requestOptional } from "./names.js";
import type { Statement, TsPrinter } from "./printer.js";
import { StructureKind } from "./ts-morph.js";
import { doc, exampleTag } from "./tsdoc.js";

/** Path of the state waiters module inside a generated package. */
export const STATE_WAITERS_PATH = "src/state-waiters.gen.ts";

/** Module specifier the client imports state waiter data from. */
export const STATE_WAITERS_MODULE = "./state-waiters.gen.js";

/** State waiter metadata for core's `waitUntil`; `undefined` when the service declares none. */
export function emitStateWaiters(ir: IrService, printer: TsPrinter): GeneratedFile | undefined {
  if (ir.stateWaiters.length === 0) return undefined;
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core",
      isTypeOnly: true,
      namedImports: coreSpecifiers(ir, ["StateWaiterMeta"]),
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./metadata.gen.js",
      namedImports: [GENERATED_VALUES.actions],
    },
  ];
  for (const w of ir.stateWaiters) {
    statements.push(
      dataConstant({
        name: w.metaName,
        doc: `State waiter ${w.name}: polls ${w.action} until every \`${w.path}\` is ${w.success.join(" or ")}.`,
        type: ir.core.StateWaiterMeta,
        value: {
          name: w.name,
          action: codeRef(`${GENERATED_VALUES.actions}.${actionNamed(ir, w.action).methodName}`),
          path: w.path,
          success: w.success,
          failure: w.failure,
          minDelayMs: w.minDelayMs,
          maxDelayMs: w.maxDelayMs,
        },
      }),
    );
  }
  return printer.print(STATE_WAITERS_PATH, lineCommentHeader(ir, ["service.json"]), statements);
}

/** Client methods `waitUntil<Name>(request, options)`: one core `waitUntil` call each. */
export function stateWaiterMethods(ir: IrService): OptionalKind<MethodDeclarationStructure>[] {
  return ir.stateWaiters.map((w) => stateWaiterMethod(ir, w));
}

/** What the client module imports for its state waiter methods. */
export function stateWaiterImports(ir: IrService): { core: CoreName[]; models: string[]; metaNames: string[] } {
  if (ir.stateWaiters.length === 0) return { core: [], models: [], metaNames: [] };
  const polled = ir.stateWaiters.map((w) => actionNamed(ir, w.action));
  return {
    core: ["waitUntil"],
    models: polled.flatMap((a) => [a.requestType, a.responseType]),
    metaNames: ir.stateWaiters.map((w) => w.metaName),
  };
}

/** Sentence for the description of an action after which a state waiter applies. */
export function stateWaiterHints(ir: IrService, action: string): string[] {
  return ir.stateWaiters
    .filter((w) => w.after.includes(action))
    .map((w) => `Then wait for ${w.name} with ${methodLink(ir, w.methodName)}.`);
}

function stateWaiterMethod(ir: IrService, w: IrStateWaiter): OptionalKind<MethodDeclarationStructure> {
  const polled = actionNamed(ir, w.action);
  const after = w.after.map((name) => methodLink(ir, actionNamed(ir, name).methodName));
  const description = [
    `Waits until every \`${w.path}\` in the ${w.action} response is ${quoteAll(w.success)}, polling with ` +
      `\`request\` from every ${w.minDelayMs} ms up to every ${w.maxDelayMs} ms, and resolves with that last response. ` +
      "An empty listing keeps polling: a resource just created may not be listed yet." +
      (after.length > 0 ? ` Use it after ${after.join(", ")}.` : ""),
    (w.failure.length > 0
      ? `Rejects with a \`WaiterFailedError\` as soon as any value is ${quoteAll(w.failure)}, with a `
      : "Rejects with a ") +
      "`WaiterTimeoutError` after `options.timeoutMs` (default 30 minutes), and with a `RequestAbortedError` " +
      "as soon as `options.signal` aborts. Transient errors are retried by the client, not counted as failure.",
  ].join("\n\n");
  return {
    name: w.methodName,
    parameters: [
      { name: "request", type: polled.requestType, ...(requestOptional(polled) ? { initializer: "{}" } : {}) },
      { name: "options", type: `${ir.core.WaitOptions}<${polled.responseType}>`, hasQuestionToken: true },
    ],
    returnType: `Promise<${polled.responseType}>`,
    docs: [
      doc(description, [
        { tag: "param", text: `request - The ${w.action} request selecting what to wait for, e.g. by id.` },
        {
          tag: "param",
          text: "options - Timeout, delays, abort signal and an `onProgress(status)` callback (the values found, joined by `,`).",
        },
        exampleTag(
          `const ready = await client.${w.methodName}(request, { onProgress: (status) => console.log(status) });`,
        ),
      ]),
    ],
    statements: [
      `return ${ir.core.waitUntil}(`,
      `  (poll, callOptions) => this.invoke<${polled.responseType}>(${GENERATED_VALUES.actions}.${polled.methodName}, poll, callOptions),`,
      `  ${w.metaName},`,
      "  request,",
      "  options,",
      ");",
    ],
  };
}

function quoteAll(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(" or ");
}
