import type { IrAction, IrService } from "../../ir/index.js";
import { COMMON_ERROR_CODE } from "../../ir/reserved.js";
import type { VersionEmitter } from "../support/emitter.js";
import { writeExample } from "../support/example.js";
import { lineCommentHeader } from "../support/header.js";
import { methodLink, requestOptional, sentence } from "../support/names.js";
import type { ModuleImports } from "../support/symbols.js";
import { StructureKind } from "../support/ts-morph.js";
import { type DocTag, doc, exampleTag } from "../support/tsdoc.js";
import { actionRef } from "./actions.js";
import { ERRORS_PATH } from "./errors.js";
import { MODELS_PATH } from "./models.js";
import { type Operation, operationMethod } from "./operation.js";
import { OPERATIONS_PATH } from "./operations.js";
import { paginatorOperation } from "./paginators.js";
import { stateWaiterHints, stateWaiterOperations } from "./state-waiters.js";
import { streamOperation } from "./streams.js";
import { waiterOperations } from "./waiters.js";

/** Path of the client module inside a generated package. */
export const CLIENT_PATH = "src/client.gen.ts";

/**
 * The client class: one method per action, then a method per paginator after its action, then the
 * waiters; each passes `this` and its arguments to the standalone function of `operations.gen.ts`
 * (see `operation.ts`). All behaviour lives in core. Its imports are what the methods' signatures and
 * TSDoc refer to, collected as they are built.
 */
export const clientEmitter: VersionEmitter = {
  name: "client",
  files: [CLIENT_PATH],
  runtime: ["CallOptions", "ClientOptions", "Int64", "PaginateOptions", "Paginated", "UInt64", "WaitOptions"],
  emit(ir, context) {
    const imports = context.imports(ir, CLIENT_PATH);
    const methods = operations(ir, imports).map((o) => operationMethod(imports, o));
    return [
      context.print(imports, lineCommentHeader(ir, ["service.json", "actions/*.json"]), [
        {
          kind: StructureKind.Class,
          name: ir.names.client,
          isExported: true,
          extends: imports.generated(OPERATIONS_PATH, ir.names.baseClient),
          docs: [classDoc(ir)],
          ctors: [
            {
              parameters: [{ name: "options", type: imports.runtime("ClientOptions"), initializer: "{}" }],
              statements: ["super(options);"],
              docs: [
                doc("Creates a client; nothing is sent until the first call.", [
                  {
                    tag: "param",
                    text: "options - Region, credentials, endpoint, timeouts, retries, rate limiting, validation, hooks.",
                  },
                  { tag: "throws", text: "`ConfigurationError` for options that cannot work together." },
                ]),
              ],
            },
          ],
          methods,
        },
      ]),
    ];
  },
};

/**
 * Every operation of the version, in order: each action (its stream overloads when it streams)
 * followed by its paginator, then the task waiters and the state waiters. What their signatures and
 * TSDoc use is recorded in `imports`; what a body uses, only when it is written.
 */
export function operations(ir: IrService, imports: ModuleImports): Operation[] {
  const all: Operation[] = [];
  for (const action of ir.actions) {
    const stream = ir.streams[action.name];
    const plain = actionOperation(ir, imports, action);
    all.push(stream ? streamOperation(imports, action, stream, plain) : plain);
    if (action.paginator) all.push(paginatorOperation(ir, imports, action, action.paginator));
  }
  all.push(...waiterOperations(ir, imports), ...stateWaiterOperations(ir, imports));
  return all;
}

function classDoc(ir: IrService): ReturnType<typeof doc> {
  const example = ir.actions.find((a) => requestOptional(a) && a.readOnly) ?? ir.actions[0];
  return doc(
    `Client of ${ir.title} (API ${ir.version}, \`${ir.endpoint}\`). Each method sends one action; ` +
      "requests are validated, rate limited, signed and retried by `@org/tc-core`. The convenient form: " +
      `for bundles holding only the actions an app calls, use {@link ${ir.names.baseClient}} with the standalone functions ` +
      `(\`${ir.actions[0]?.methodName ?? "action"}(client, request)\`), which share this implementation.\n\n` +
      "Credentials come from `options.credentials`, else the environment variables, the profile file, TKE OIDC " +
      "or the CVM instance role, in that order. Call `close()` when done to release pooled connections.",
    example
      ? [
          exampleTag(
            [
              `const client = new ${ir.names.client}({ region: "ap-guangzhou" });`,
              `const response = await client.${example.methodName}();`,
            ].join("\n"),
          ),
        ]
      : [],
  );
}

/** One action: its TSDoc and one `invoke` call on the client. Records what its signature and TSDoc use in `imports`. */
export function actionOperation(ir: IrService, imports: ModuleImports, a: IrAction): Operation {
  const optional = requestOptional(a);
  imports.generated(MODELS_PATH, a.requestType, { isType: true });
  imports.generated(MODELS_PATH, a.responseType, { isType: true });
  // Named in TSDoc links only; type imports let an editor resolve them.
  imports.generated(ERRORS_PATH, a.errorCodeType, { isType: true });
  imports.generated(ERRORS_PATH, COMMON_ERROR_CODE, { isType: true });
  const sample = a.samples[0];
  const tags: DocTag[] = [
    {
      tag: "param",
      text: `request - ${optional ? "Optional: every member has a default." : "Members marked required must be set."}`,
    },
    { tag: "param", text: "options - Abort `signal` and `timeoutMs` of this call." },
    { tag: "returns", text: "The content of `Response`, including `RequestId`." },
    {
      tag: "throws",
      text:
        `A \`TencentCloudError\` with a {@link ${a.errorCodeType}} or {@link ${COMMON_ERROR_CODE}} code ` +
        `(narrow it with \`${ir.names.errorGuard}(err, "${a.methodName}")\`); a \`ValidationError\` before sending ` +
        "when the request does not match the spec.",
    },
  ];
  const deprecated: DocTag[] = a.deprecated
    ? [{ tag: "deprecated", text: "The service marks this action deprecated." }]
    : [];
  return {
    name: a.methodName,
    parameters: [
      { name: "request", type: a.requestType, ...(optional ? { initializer: "{}" } : {}) },
      { name: "options", type: imports.runtime("CallOptions"), hasQuestionToken: true },
    ],
    returnType: `Promise<${a.responseType}>`,
    docs: (call) => ({
      description: methodDescription(ir, a),
      tags: [
        ...tags,
        ...(sample ? [exampleTag(writeExample((args) => call(a.methodName, args), sample.request, sample.title))] : []),
        ...deprecated,
      ],
    }),
    body: (body) => [`return client.invoke<${a.responseType}>(${actionRef(body, a.methodName)}, request, options);`],
  };
}

function methodDescription(ir: IrService, a: IrAction): string {
  const facts = [`Rate limit: ${a.rateLimit} requests per second.`];
  if (a.financialRegions) facts.push("Available in financial regions.");
  if (a.readOnly) facts.push("Read-only: retried after timeouts and server errors.");
  for (const waiter of a.trackedBy) facts.push(`Starts a task: wait for it with ${methodLink(ir, waiter)}.`);
  facts.push(...stateWaiterHints(ir, a.name));
  if (a.paginator) facts.push(`Iterate every page with ${methodLink(ir, a.paginator.methodName)}.`);
  const parts = [sentence(a.summary)];
  if (a.description.trim() !== "" && a.description.trim() !== a.summary.trim()) parts.push(sentence(a.description));
  parts.push(facts.join(" "));
  if (a.errors.length > 0) {
    parts.push(
      [
        "Errors specific to this action:",
        ...a.errors.map((e) => `- \`${e.code}\`: ${sentence(e.description).replace(/\n/g, " ")}`),
      ].join("\n"),
    );
  }
  return parts.join("\n\n");
}
