import type { IrService, IrWaiter } from "../../ir/index.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import { codeRef, dataConstant, propertyKey } from "../support/literal.js";
import { actionNamed, methodLink } from "../support/names.js";
import type { Statement } from "../support/printer.js";
import type { ModuleImports } from "../support/symbols.js";
import { StructureKind } from "../support/ts-morph.js";
import { doc, exampleTag } from "../support/tsdoc.js";
import { typeExpr } from "../support/type-expr.js";
import { quoteAll, waiterRejections } from "../support/waiter-docs.js";
import { actionRef } from "./actions.js";
import { CLIENT_PATH } from "./client.js";
import { MODELS_PATH } from "./models.js";
import type { Operation } from "./operation.js";

/** Path of the waiters module inside a generated package. */
export const WAITERS_PATH = "src/waiters.gen.ts";

/**
 * Waiter metadata for core's `waitFor`, and the type of what each waiter accepts:
 * the tracked id itself or any response carrying it. Nothing when the service has no waiter.
 */
export const waitersEmitter: VersionEmitter = {
  name: "waiters",
  files: [WAITERS_PATH],
  runtime: ["WaiterMeta", "Int64", "UInt64"],
  emit(ir, context) {
    if (ir.waiters.length === 0) return [];
    const imports = context.imports(ir, WAITERS_PATH);
    const statements: Statement[] = [];
    for (const w of ir.waiters) {
      const tracked = w.trackedActions.map((name) => methodLink(ir, actionNamed(ir, name).methodName));
      statements.push(
        {
          kind: StructureKind.TypeAlias,
          name: w.targetTypeName,
          isExported: true,
          type: `${typeExpr(w.inputType, imports)} | { readonly ${propertyKey(w.input)}: ${typeExpr(w.inputType, imports)} }`,
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
          type: imports.runtime("WaiterMeta"),
          value: {
            action: codeRef(`${actionRef(imports, actionNamed(ir, w.action).methodName)}`),
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
    // Named in TSDoc links only; a type import lets an editor resolve them.
    imports.generated(CLIENT_PATH, ir.names.client, { isType: true });
    return [context.print(imports, lineCommentHeader(ir, ["service.json"]), statements)];
  },
};

/**
 * One operation per waiter: one core `waitFor` call polling the action with the client. Records what
 * their signatures and TSDoc use in `imports`.
 */
export function waiterOperations(ir: IrService, imports: ModuleImports): Operation[] {
  return ir.waiters.map((w) => waiterOperation(ir, imports, w));
}

function waiterOperation(ir: IrService, imports: ModuleImports, w: IrWaiter): Operation {
  const polled = actionNamed(ir, w.action);
  imports.generated(MODELS_PATH, polled.responseType, { isType: true });
  imports.generated(WAITERS_PATH, w.targetTypeName, { isType: true });
  const starter = w.trackedActions[0] === undefined ? undefined : actionNamed(ir, w.trackedActions[0]);
  const description = [
    `Waits until ${w.action} reports \`${w.path}\` as ${quoteAll(w.success)}, polling from every ` +
      `${w.minDelayMs} ms up to every ${w.maxDelayMs} ms, and resolves with that last response.`,
    waiterRejections(`a \`TaskFailedError\` when \`${w.path}\` becomes ${quoteAll(w.failure)}`),
  ].join("\n\n");
  return {
    name: w.methodName,
    parameters: [
      { name: "target", type: w.targetTypeName },
      { name: "options", type: `${imports.runtime("WaitOptions")}<${polled.responseType}>`, hasQuestionToken: true },
    ],
    returnType: `Promise<${polled.responseType}>`,
    docs: (call) => ({
      description,
      tags: [
        { tag: "param", text: `target - A \`${w.input}\`, or a response carrying one.` },
        { tag: "param", text: "options - Timeout, delays, abort signal and an `onProgress(status)` callback." },
        ...(starter
          ? [
              exampleTag(
                [
                  `const started = await ${call(starter.methodName, "request")};`,
                  `const done = await ${call(w.methodName, "started, { onProgress: (status) => console.log(status) }")};`,
                ].join("\n"),
              ),
            ]
          : []),
      ],
    }),
    body: (body) => [
      `return ${body.runtime("waitFor")}(`,
      `  (request, callOptions) => client.invoke<${polled.responseType}>(${actionRef(body, polled.methodName)}, request, callOptions),`,
      `  ${body.generated(WAITERS_PATH, w.metaName)},`,
      "  target,",
      "  options,",
      ");",
    ],
  };
}
