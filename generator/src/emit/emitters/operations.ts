import type {
  FunctionDeclarationOverloadStructure,
  FunctionDeclarationStructure,
  JSDocStructure,
  MethodDeclarationOverloadStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
} from "ts-morph";
import type { IrService } from "../../ir/index.js";
import { GENERATED_VALUES } from "../../ir/reserved.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import type { Statement } from "../support/printer.js";
import type { ModuleImports } from "../support/symbols.js";
import { StructureKind } from "../support/ts-morph.js";
import { doc, exampleTag } from "../support/tsdoc.js";
import { CLIENT_PATH, clientMethods } from "./client.js";
import { METADATA_PATH } from "./metadata.js";

/** Path of the modular form inside a generated package. */
export const OPERATIONS_PATH = "src/operations.gen.ts";

/**
 * The modular form: a bare client (`RedisBaseClient`: options, credentials, transport, limiter, no
 * methods) and one exported function per action, paginator, waiter and state waiter taking that
 * client first. Each function is the client class's method with `client` for `this`, so both forms
 * run the same per-action data through the same core call; a bundler keeps only the functions an app
 * imports, and with them only those actions' constants from `actions.gen.ts`.
 */
export const operationsEmitter: VersionEmitter = {
  name: "operations",
  files: [OPERATIONS_PATH],
  // The client's methods, plus the core client the bare one extends.
  runtime: [
    "CallOptions",
    "ClientOptions",
    "Int64",
    "PaginateOptions",
    "Paginated",
    "ServiceClient",
    "UInt64",
    "WaitOptions",
    "invokeOrStream",
    "paginate",
    "waitFor",
    "waitUntil",
  ],
  emit(ir, context) {
    const imports = context.imports(ir, OPERATIONS_PATH);
    // Named in TSDoc links only; a type import lets an editor resolve it.
    imports.generated(CLIENT_PATH, ir.names.client, { isType: true });
    const functions = clientMethods(ir, imports).map((m) => standalone(ir, m));
    return [
      context.print(imports, lineCommentHeader(ir, ["service.json", "actions/*.json"]), [
        baseClient(ir, imports),
        ...functions,
      ]),
    ];
  },
};

function baseClient(ir: IrService, imports: ModuleImports): Statement {
  const base = ir.names.baseClient;
  const first = ir.actions[0];
  return {
    kind: StructureKind.Class,
    name: base,
    isExported: true,
    extends: imports.runtime("ServiceClient"),
    docs: [
      doc(
        `Bare client of ${ir.title} (API ${ir.version}): holds the options, credentials, transport and rate limiter, and ` +
          `has no action methods. Pass it to the standalone functions (\`${first?.methodName ?? "action"}(client, request)\`), ` +
          `so a bundle carries only the actions it calls; {@link ${ir.names.client}} is the same client with a method per action.`,
        first
          ? [
              exampleTag(
                `const client = new ${base}({ region: "ap-guangzhou" });\nconst response = await ${first.methodName}(client, request);`,
              ),
            ]
          : [],
      ),
    ],
    ctors: [
      {
        parameters: [{ name: "options", type: imports.runtime("ClientOptions"), initializer: "{}" }],
        statements: [`super(${imports.generated(METADATA_PATH, GENERATED_VALUES.serviceMeta)}, options);`],
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
  };
}

/**
 * A client method as a function of the bare client: `this.invoke<` → `client.invoke<`,
 * `this.m(` → `m(client, `, `(this,` → `(client,`. Throws when a `this` is left, so a new method
 * shape in another emitter cannot silently produce a function that does not compile.
 */
function standalone(ir: IrService, m: OptionalKind<MethodDeclarationStructure>): FunctionDeclarationStructure {
  const statements = (m.statements as string[]).map((line) =>
    line
      .replace(/\bthis\.invoke</g, "client.invoke<")
      .replace(/\bthis\.(\w+)\(/g, "$1(client, ")
      .replace(/\(this,/g, "(client,"),
  );
  const left = statements.find((line) => /\bthis\b/.test(line));
  if (left !== undefined)
    throw new Error(`operations emitter: cannot turn "${left.trim()}" of ${m.name} into a standalone function`);
  const client: OptionalKind<ParameterDeclarationStructure> = { name: "client", type: ir.names.baseClient };
  return {
    kind: StructureKind.Function,
    name: m.name,
    isExported: true,
    parameters: [client, ...(m.parameters ?? [])],
    ...(m.returnType === undefined ? {} : { returnType: m.returnType }),
    ...(m.overloads === undefined ? {} : { overloads: m.overloads.map((o) => overload(ir, m.name, client, o)) }),
    statements,
    docs: m.docs?.length ? [standaloneDoc(ir, m.name, m.docs[0] as OptionalKind<JSDocStructure>)] : [],
  };
}

function overload(
  ir: IrService,
  name: string,
  client: OptionalKind<ParameterDeclarationStructure>,
  o: OptionalKind<MethodDeclarationOverloadStructure>,
): OptionalKind<FunctionDeclarationOverloadStructure> {
  return {
    parameters: [client, ...(o.parameters ?? [])],
    ...(o.returnType === undefined ? {} : { returnType: o.returnType }),
    ...(o.docs?.length ? { docs: [standaloneDoc(ir, name, o.docs[0] as OptionalKind<JSDocStructure>)] } : {}),
  };
}

/** The method's TSDoc, introduced as the standalone form, with its examples rewritten to call the function. */
function standaloneDoc(
  ir: IrService,
  name: string,
  methodDoc: OptionalKind<JSDocStructure>,
): OptionalKind<JSDocStructure> {
  const base = ir.names.baseClient;
  const tags = (methodDoc.tags ?? []).map((t) =>
    t.tagName === "example" && typeof t.text === "string"
      ? { ...t, text: t.text.replace(/client\.(\w+)\(\)/g, "$1(client)").replace(/client\.(\w+)\(/g, "$1(client, ") }
      : t,
  );
  return {
    description:
      `{@link ${ir.names.client}.${name}} as a standalone function of a {@link ${base}}: same request, response, ` +
      "errors, validation, retries and hooks.\n\n" +
      String(methodDoc.description ?? ""),
    tags: [
      { tagName: "param", text: `client - The {@link ${base}} (or {@link ${ir.names.client}}) to send with.` },
      ...tags,
    ],
  };
}
