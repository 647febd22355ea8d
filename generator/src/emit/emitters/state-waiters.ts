import type { IrService, IrStateWaiter } from "../../ir/index.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import { codeRef, dataConstant } from "../support/literal.js";
import { actionNamed, methodLink, requestOptional } from "../support/names.js";
import type { Statement } from "../support/printer.js";
import type { ModuleImports } from "../support/symbols.js";
import { exampleTag } from "../support/tsdoc.js";
import { quoteAll, waiterRejections } from "../support/waiter-docs.js";
import { actionRef } from "./actions.js";
import { MODELS_PATH } from "./models.js";
import type { Operation } from "./operation.js";

/** Path of the state waiters module inside a generated package. */
export const STATE_WAITERS_PATH = "src/state-waiters.gen.ts";

/** State waiter metadata for core's `waitUntil`; nothing when the service declares none. */
export const stateWaitersEmitter: VersionEmitter = {
  name: "state-waiters",
  files: [STATE_WAITERS_PATH],
  runtime: ["StateWaiterMeta"],
  emit(ir, context) {
    if (ir.stateWaiters.length === 0) return [];
    const imports = context.imports(ir, STATE_WAITERS_PATH);
    const statements: Statement[] = ir.stateWaiters.map((w) =>
      dataConstant({
        name: w.metaName,
        doc: `State waiter ${w.name}: polls ${w.action} until every \`${w.path}\` is ${w.success.join(" or ")}.`,
        type: imports.runtime("StateWaiterMeta"),
        value: {
          name: w.name,
          action: codeRef(`${actionRef(imports, actionNamed(ir, w.action).methodName)}`),
          path: w.path,
          success: w.success,
          failure: w.failure,
          minDelayMs: w.minDelayMs,
          maxDelayMs: w.maxDelayMs,
        },
      }),
    );
    return [context.print(imports, lineCommentHeader(ir, ["service.json"]), statements)];
  },
};

/**
 * One operation `waitUntil<Name>(request, options)` per state waiter: one core `waitUntil` call
 * polling the action with the client. Records what their signatures and TSDoc use in `imports`.
 */
export function stateWaiterOperations(ir: IrService, imports: ModuleImports): Operation[] {
  return ir.stateWaiters.map((w) => stateWaiterOperation(ir, imports, w));
}

/** Sentence for the description of an action after which a state waiter applies. */
export function stateWaiterHints(ir: IrService, action: string): string[] {
  return ir.stateWaiters
    .filter((w) => w.after.includes(action))
    .map((w) => `Then wait for ${w.name} with ${methodLink(ir, w.methodName)}.`);
}

function stateWaiterOperation(ir: IrService, imports: ModuleImports, w: IrStateWaiter): Operation {
  const polled = actionNamed(ir, w.action);
  imports.generated(MODELS_PATH, polled.requestType, { isType: true });
  imports.generated(MODELS_PATH, polled.responseType, { isType: true });
  const after = w.after.map((name) => methodLink(ir, actionNamed(ir, name).methodName));
  const description = [
    `Waits until every \`${w.path}\` in the ${w.action} response is ${quoteAll(w.success)}, polling with ` +
      `\`request\` from every ${w.minDelayMs} ms up to every ${w.maxDelayMs} ms, and resolves with that last response. ` +
      "An empty listing keeps polling: a resource just created may not be listed yet." +
      (after.length > 0 ? ` Use it after ${after.join(", ")}.` : ""),
    waiterRejections(
      w.failure.length > 0 ? `a \`WaiterFailedError\` as soon as any value is ${quoteAll(w.failure)}` : undefined,
    ),
  ].join("\n\n");
  return {
    name: w.methodName,
    parameters: [
      { name: "request", type: polled.requestType, ...(requestOptional(polled) ? { initializer: "{}" } : {}) },
      { name: "options", type: `${imports.runtime("WaitOptions")}<${polled.responseType}>`, hasQuestionToken: true },
    ],
    returnType: `Promise<${polled.responseType}>`,
    docs: (call) => ({
      description,
      tags: [
        { tag: "param", text: `request - The ${w.action} request selecting what to wait for, e.g. by id.` },
        {
          tag: "param",
          text: "options - Timeout, delays, abort signal and an `onProgress(status)` callback (the values found, joined by `,`).",
        },
        exampleTag(
          `const ready = await ${call(w.methodName, "request, { onProgress: (status) => console.log(status) }")};`,
        ),
      ],
    }),
    body: (body) => [
      `return ${body.runtime("waitUntil")}(`,
      `  (poll, callOptions) => client.invoke<${polled.responseType}>(${actionRef(body, polled.methodName)}, poll, callOptions),`,
      `  ${body.generated(STATE_WAITERS_PATH, w.metaName)},`,
      "  request,",
      "  options,",
      ");",
    ],
  };
}
