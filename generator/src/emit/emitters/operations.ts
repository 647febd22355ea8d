import type { IrService } from "../../ir/index.js";
import { GENERATED_VALUES } from "../../ir/reserved.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import type { Statement } from "../support/printer.js";
import type { ModuleImports } from "../support/symbols.js";
import { StructureKind } from "../support/ts-morph.js";
import { doc, exampleTag } from "../support/tsdoc.js";
import { CLIENT_PATH, operations } from "./client.js";
import { METADATA_PATH } from "./metadata.js";
import { operationFunction } from "./operation.js";

/** Path of the modular form inside a generated package. */
export const OPERATIONS_PATH = "src/operations.gen.ts";

/**
 * The modular form: a bare client (`RedisBaseClient`: options, credentials, transport, limiter, no
 * methods) and one exported function per action, paginator, waiter and state waiter taking that
 * client first, built by the emitter of each concern (see `operation.ts`). These functions are the
 * one implementation: the client class's methods delegate to them. A bundler keeps only the functions
 * an app imports, and with them only those actions' constants from `actions.gen.ts`.
 */
export const operationsEmitter: VersionEmitter = {
  name: "operations",
  files: [OPERATIONS_PATH],
  // What the operations' signatures and bodies use, plus the core client the bare one extends.
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
    const functions = operations(ir, imports).map((o) => operationFunction(ir, imports, o));
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
