import type { IrAction, IrService, IrStream } from "../../ir/index.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import { requestOptional } from "../support/names.js";
import type { Statement } from "../support/printer.js";
import type { ModuleImports } from "../support/symbols.js";
import { StructureKind } from "../support/ts-morph.js";
import { doc } from "../support/tsdoc.js";
import { actionRef } from "./actions.js";
import { MODELS_PATH } from "./models.js";
import type { Operation } from "./operation.js";

/** Path of the stream event types inside a generated package. */
export const STREAMS_PATH = "src/streams.gen.ts";

/** Streaming actions of the service, in action order. */
export function streamingActions(ir: IrService): Array<{ action: IrAction; stream: IrStream }> {
  return ir.actions.flatMap((action) => {
    const stream = ir.streams[action.name];
    return stream ? [{ action, stream }] : [];
  });
}

/** One event type per streaming action; nothing when the service has none. */
export const streamsEmitter: VersionEmitter = {
  name: "streams",
  files: [STREAMS_PATH],
  runtime: [],
  emit(ir, context) {
    const streaming = streamingActions(ir);
    if (streaming.length === 0) return [];
    const imports = context.imports(ir, STREAMS_PATH);
    const statements = streaming.map(
      ({ action, stream }): Statement => ({
        kind: StructureKind.TypeAlias,
        name: stream.eventType,
        isExported: true,
        type: `Omit<${imports.generated(MODELS_PATH, action.responseType, { isType: true })}, "RequestId"> & { readonly RequestId?: string }`,
        docs: [
          doc(
            `One Server-Sent Event of ${action.name} called with \`${stream.member}: true\`: the members of ` +
              `{@link ${action.responseType}} as the service sends them incrementally (e.g. a delta per event).`,
          ),
        ],
      }),
    );
    return [context.print(imports, lineCommentHeader(ir, ["actions/*.json"]), statements)];
  },
};

/**
 * A streaming action: overloads on the stream member's literal type, then the implementation, one
 * core `invokeOrStream` call. `Stream: true` gives an async iterable of events, anything else the
 * plain response (`plain` is the action's operation without streaming). Records what the signatures
 * and TSDoc use in `imports`.
 */
export function streamOperation(
  imports: ModuleImports,
  action: IrAction,
  stream: IrStream,
  plain: Operation,
): Operation {
  imports.generated(STREAMS_PATH, stream.eventType, { isType: true });
  const options = { name: "options", type: imports.runtime("CallOptions"), hasQuestionToken: true };
  const streamDoc = {
    description:
      `Streams ${action.name}: with \`${stream.member}: true\` the service answers with Server-Sent Events, ` +
      "yielded one by one as they arrive. Nothing is sent until iteration starts. Breaking out of the loop " +
      "or aborting `options.signal` closes the connection; a broken stream or an error event rejects the " +
      "iteration with a `StreamError` (a `TencentCloudError` when the service answers an API error before " +
      "the stream starts). Never retried once an event was delivered.",
    tags: [
      { tag: "param", text: `request - Members marked required must be set, and \`${stream.member}: true\`.` },
      { tag: "param", text: "options - Abort `signal` and `timeoutMs` (the longest silence between two chunks)." },
      { tag: "returns", text: `An async iterable of {@link ${stream.eventType}}.` },
    ],
  };
  return {
    name: plain.name,
    overloads: [
      {
        parameters: [{ name: "request", type: `${action.requestType} & { readonly ${stream.member}: true }` }, options],
        returnType: `AsyncIterable<${stream.eventType}>`,
        docs: () => streamDoc,
      },
      {
        parameters: [
          {
            name: "request",
            type: `${action.requestType} & { readonly ${stream.member}?: false | undefined }`,
            hasQuestionToken: requestOptional(action),
          },
          options,
        ],
        returnType: plain.returnType,
        ...(plain.docs === undefined ? {} : { docs: plain.docs }),
      },
      {
        parameters: [{ name: "request", type: action.requestType }, options],
        returnType: `Promise<${action.responseType}> | AsyncIterable<${stream.eventType}>`,
        docs: () => ({
          description:
            `${action.name} with \`${stream.member}\` known only at run time: the events when it is \`true\`, ` +
            "else the plain response. Prefer a literal `true`/`false` to get the exact type.",
          tags: [],
        }),
      },
    ],
    parameters: [
      { name: "request", type: action.requestType, ...(requestOptional(action) ? { initializer: "{}" } : {}) },
      options,
    ],
    returnType: `Promise<${action.responseType}> | AsyncIterable<${stream.eventType}>`,
    body: (body) => [
      `return ${body.runtime("invokeOrStream")}<${action.responseType}, ${stream.eventType}>(client, ${actionRef(body, action.methodName)}, "${stream.member}", request, options);`,
    ],
  };
}
