import type { ImportDeclarationStructure, MethodDeclarationStructure, OptionalKind } from "ts-morph";
import type { IrAction, IrService } from "../ir/index.js";
import type { CoreName } from "../ir/reserved.js";
import { COMMON_ERROR_CODE, GENERATED_VALUES } from "../ir/reserved.js";
import { coreSpecifiers } from "./core-import.js";
import { writeExample } from "./example.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { MODULES, methodLink, requestOptional, sentence } from "./names.js";
import { paginated, paginatorMethod } from "./paginators.js";
import type { TsPrinter } from "./printer.js";
import { STATE_WAITERS_MODULE, stateWaiterHints, stateWaiterImports, stateWaiterMethods } from "./state-waiters.js";
import { STREAMS_MODULE, streamingActions, streamOverloads } from "./streams.js";
import { StructureKind } from "./ts-morph.js";
import { type DocTag, doc, exampleTag } from "./tsdoc.js";
import { integerAliases } from "./type-expr.js";
import { waiterMethods } from "./waiters.js";

/** Path of the client module inside a generated package. */
export const CLIENT_PATH = "src/client.gen.ts";

/**
 * The client class: one method per action (data plus one `invoke` call), then a method per
 * paginator after its action, then the waiters. All behaviour lives in core.
 */
export function emitClient(ir: IrService, printer: TsPrinter): GeneratedFile {
  const { names } = ir;
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  for (const action of ir.actions) {
    const stream = ir.streams[action.name];
    methods.push(stream ? streamOverloads(ir, action, stream, actionMethod(ir, action)) : actionMethod(ir, action));
    if (action.paginator) methods.push(paginatorMethod(ir, action, action.paginator));
  }
  methods.push(...waiterMethods(ir), ...stateWaiterMethods(ir));

  const example = ir.actions.find((a) => requestOptional(a) && a.readOnly) ?? ir.actions[0];
  const classDoc = doc(
    `Client of ${ir.title} (API ${ir.version}, \`${ir.endpoint}\`). Each method sends one action; ` +
      "requests are validated, rate limited, signed and retried by `@org/tc-core`.\n\n" +
      "Credentials come from `options.credentials`, else the environment variables, the profile file, TKE OIDC " +
      "or the CVM instance role, in that order. Call `close()` when done to release pooled connections.",
    example
      ? [
          exampleTag(
            [
              `const client = new ${names.client}({ region: "ap-guangzhou" });`,
              `const response = await client.${example.methodName}();`,
            ].join("\n"),
          ),
        ]
      : [],
  );
  return printer.print(CLIENT_PATH, lineCommentHeader(ir, ["service.json", "actions/*.json"]), [
    ...imports(ir),
    {
      kind: StructureKind.Class,
      name: names.client,
      isExported: true,
      extends: ir.core.ServiceClient,
      docs: [classDoc],
      ctors: [
        {
          parameters: [{ name: "options", type: ir.core.ClientOptions, initializer: "{}" }],
          statements: [`super(${GENERATED_VALUES.serviceMeta}, options);`],
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
  ]);
}

function imports(ir: IrService): OptionalKind<ImportDeclarationStructure>[] {
  const core: CoreName[] = ["ServiceClient"];
  const coreTypes: CoreName[] = ["CallOptions", "ClientOptions"];
  const models = new Set<string>();
  for (const a of ir.actions) {
    models.add(a.requestType).add(a.responseType);
    if (a.paginator) {
      core.push("paginate");
      coreTypes.push("PaginateOptions", "Paginated");
      if (a.paginator.itemType.kind === "structure") models.add(a.paginator.itemType.typeName);
    }
  }
  const waiterTypes = ir.waiters.map((w) => w.targetTypeName);
  if (ir.waiters.length > 0) {
    core.push("waitFor");
    coreTypes.push("WaitOptions");
    for (const w of ir.waiters) models.add(ir.actions.find((a) => a.name === w.action)?.responseType ?? "");
  }
  const states = stateWaiterImports(ir);
  core.push(...states.core);
  if (states.core.length > 0) coreTypes.push("WaitOptions");
  for (const model of states.models) models.add(model);
  const streams = streamingActions(ir);
  if (streams.length > 0) core.push("invokeOrStream");
  const itemAliases = integerAliases(paginated(ir).map(({ paginator }) => paginator.itemType)) as CoreName[];
  const sorted = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).sort();
  const result: OptionalKind<ImportDeclarationStructure>[] = [
    {
      moduleSpecifier: "@org/tc-core",
      namedImports: [...coreSpecifiers(ir, core), ...coreSpecifiers(ir, [...coreTypes, ...itemAliases], true)],
    },
    { moduleSpecifier: MODULES.metadata, namedImports: [GENERATED_VALUES.actions, GENERATED_VALUES.serviceMeta] },
  ];
  // A version without actions imports no model; an empty import list would not parse.
  if (models.size > 0) result.push({ moduleSpecifier: MODULES.models, isTypeOnly: true, namedImports: sorted(models) });
  const metaNames = paginated(ir).map(({ paginator }) => paginator.metaName);
  if (metaNames.length > 0) result.push({ moduleSpecifier: MODULES.paginators, namedImports: metaNames });
  if (ir.waiters.length > 0) {
    result.push({
      moduleSpecifier: MODULES.waiters,
      namedImports: [...ir.waiters.map((w) => w.metaName), ...waiterTypes.map((name) => ({ name, isTypeOnly: true }))],
    });
  }
  if (states.metaNames.length > 0)
    result.push({ moduleSpecifier: STATE_WAITERS_MODULE, namedImports: states.metaNames });
  if (streams.length > 0) {
    result.push({
      moduleSpecifier: STREAMS_MODULE,
      isTypeOnly: true,
      namedImports: streams.map((s) => s.stream.eventType),
    });
  }
  return result.map((r) => ({ ...r, kind: StructureKind.ImportDeclaration }));
}

function actionMethod(ir: IrService, a: IrAction): OptionalKind<MethodDeclarationStructure> {
  const optional = requestOptional(a);
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
      { name: "options", type: ir.core.CallOptions, hasQuestionToken: true },
    ],
    returnType: `Promise<${a.responseType}>`,
    docs: [doc(methodDescription(ir, a), tags)],
    statements: [
      `return this.invoke<${a.responseType}>(${GENERATED_VALUES.actions}.${a.methodName}, request, options);`,
    ],
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
