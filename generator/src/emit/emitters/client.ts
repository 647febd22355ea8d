import type { MethodDeclarationStructure, OptionalKind } from "ts-morph";
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
import { OPERATIONS_PATH } from "./operations.js";
import { paginatorMethod } from "./paginators.js";
import { stateWaiterHints, stateWaiterMethods } from "./state-waiters.js";
import { streamOverloads } from "./streams.js";
import { waiterMethods } from "./waiters.js";

/** Path of the client module inside a generated package. */
export const CLIENT_PATH = "src/client.gen.ts";

/**
 * The client class: one method per action (data plus one `invoke` call), then a method per
 * paginator after its action, then the waiters. All behaviour lives in core. Its imports are what
 * the methods refer to, collected as they are built.
 */
export const clientEmitter: VersionEmitter = {
  name: "client",
  files: [CLIENT_PATH],
  runtime: [
    "CallOptions",
    "ClientOptions",
    "Int64",
    "PaginateOptions",
    "Paginated",
    "UInt64",
    "WaitOptions",
    "invokeOrStream",
    "paginate",
    "waitFor",
    "waitUntil",
  ],
  emit(ir, context) {
    const imports = context.imports(ir, CLIENT_PATH);
    const methods = clientMethods(ir, imports);
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
 * Every method of the client, in order: each action (its stream overloads when it streams) followed
 * by its paginator, then the task waiters and the state waiters. What they use is recorded in `imports`.
 */
export function clientMethods(ir: IrService, imports: ModuleImports): OptionalKind<MethodDeclarationStructure>[] {
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  for (const action of ir.actions) {
    const stream = ir.streams[action.name];
    const plain = actionMethod(ir, imports, action);
    methods.push(stream ? streamOverloads(imports, action, stream, plain) : plain);
    if (action.paginator) methods.push(paginatorMethod(ir, imports, action, action.paginator));
  }
  methods.push(...waiterMethods(ir, imports), ...stateWaiterMethods(ir, imports));
  return methods;
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

/**
 * The method sending one action: its TSDoc and one `invoke` call. Records what it uses in `imports`.
 */
export function actionMethod(
  ir: IrService,
  imports: ModuleImports,
  a: IrAction,
): OptionalKind<MethodDeclarationStructure> {
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
  if (sample) tags.push(exampleTag(writeExample(`client.${a.methodName}`, sample.request, sample.title)));
  if (a.deprecated) tags.push({ tag: "deprecated", text: "The service marks this action deprecated." });
  return {
    name: a.methodName,
    parameters: [
      { name: "request", type: a.requestType, ...(optional ? { initializer: "{}" } : {}) },
      { name: "options", type: imports.runtime("CallOptions"), hasQuestionToken: true },
    ],
    returnType: `Promise<${a.responseType}>`,
    docs: [doc(methodDescription(ir, a), tags)],
    statements: [`return this.invoke<${a.responseType}>(${actionRef(imports, a.methodName)}, request, options);`],
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
