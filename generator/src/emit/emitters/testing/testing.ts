import type { IrService } from "../../../ir/index.js";
import { GENERATED_VALUES } from "../../../ir/reserved.js";
import type { EmitContext, VersionEmitter } from "../../support/emitter.js";
import type { GeneratedFile } from "../../support/file.js";
import { headerLines, lineCommentHeader } from "../../support/header.js";
import { codeRef, dataConstant } from "../../support/literal.js";
import type { Statement } from "../../support/printer.js";
import { CORE_TESTING_MODULE, type ModuleImports } from "../../support/symbols.js";
import { StructureKind } from "../../support/ts-morph.js";
import { doc, exampleTag } from "../../support/tsdoc.js";
import { actionRef } from "../actions.js";
import { METADATA_PATH } from "../metadata.js";
import { PAGINATORS_PATH, paginated } from "../paginators.js";
import { STATE_WAITERS_PATH } from "../state-waiters.js";
import { streamingActions } from "../streams.js";
import { WAITERS_PATH } from "../waiters.js";
import { collectionsType, DEFAULTS_PATH, defaultNames, emitDefaults } from "./collections.js";

/** Paths of the `/testing` entry; samples live only here so the main bundle stays small. */
export const TESTING_PATHS = {
  index: "src/testing/index.gen.ts",
  samples: "src/testing/samples.gen.ts",
  cli: "src/testing/cli.gen.ts",
} as const;

/**
 * A version's `/testing` entry: spec samples and task data bound to core's local endpoint, and the
 * data synthesised for it. The command line bin is one per package ({@link emitCli}).
 */
export const testingEmitter: VersionEmitter = {
  name: "testing",
  files: [TESTING_PATHS.index, TESTING_PATHS.samples, DEFAULTS_PATH],
  runtime: ["Int64", "UInt64", "MockSample", "MockServer", "MockServerOptions", "MockServiceData", "startMockServer"],
  emit(ir, context) {
    return [emitSamples(ir, context), emitTestingIndex(ir, context), ...emitDefaults(ir, context)];
  },
};

function emitSamples(ir: IrService, context: EmitContext): GeneratedFile {
  const imports = context.imports(ir, TESTING_PATHS.samples);
  const samples = Object.fromEntries(
    ir.actions
      .filter((a) => a.samples.length > 0)
      .map((a) => [a.name, a.samples.map((s) => ({ request: s.request, response: s.response }))]),
  );
  return context.print(imports, lineCommentHeader(ir, ["actions/*.json samples"]), [
    dataConstant({
      name: GENERATED_VALUES.samples,
      doc: "Request/response samples from the spec, by action name.",
      type: `Readonly<Record<string, readonly ${imports.runtime("MockSample")}[]>>`,
      value: samples,
    }),
  ]);
}

function emitTestingIndex(ir: IrService, context: EmitContext): GeneratedFile {
  const imports = context.imports(ir, TESTING_PATHS.index);
  const collections = collectionsType(ir, imports);
  const statements: Statement[] = [
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: CORE_TESTING_MODULE,
      isTypeOnly: true,
      namedExports: ["MockServer", "MockServerOptions"],
    },
    ...(collections
      ? [
          {
            kind: StructureKind.Interface,
            name: collections.name,
            isExported: true,
            properties: collections.properties.map((p) => ({ ...p, isReadonly: true, hasQuestionToken: true })),
            docs: [
              doc(
                "Items the local endpoint lists, per list action: the type of `startMockServer`'s `collections` option.",
              ),
            ],
          } satisfies Statement,
        ]
      : []),
    dataConstant({
      name: GENERATED_VALUES.mockData,
      doc: `Everything the local endpoint needs to answer as ${ir.title}: metadata, samples, tasks and paginators.`,
      type: imports.runtime("MockServiceData"),
      value: mockData(ir, imports),
    }),
    startFunction(ir, imports, collections?.name),
  ];
  return context.print(imports, lineCommentHeader(ir, ["service.json", "actions/*.json"]), statements);
}

/**
 * Everything the local endpoint answers from. Actions are core's `ActionMeta` as the metadata module
 * defines them (region rule included), keyed by wire name.
 */
function mockData(ir: IrService, imports: ModuleImports): Record<string, unknown> {
  // Core simulates one kind of task; a service with several waiters gets the first one's.
  const waiter = ir.waiters[0];
  const pages = paginated(ir);
  const streams = streamingActions(ir);
  const defaults = defaultNames(ir);
  for (const name of defaults) imports.generated(DEFAULTS_PATH, name);
  return {
    meta: codeRef(imports.generated(METADATA_PATH, GENERATED_VALUES.serviceMeta)),
    actions: Object.fromEntries(ir.actions.map((a) => [a.name, codeRef(actionRef(imports, a.methodName))])),
    samples: codeRef(imports.generated(TESTING_PATHS.samples, GENERATED_VALUES.samples)),
    ...(waiter
      ? {
          task: {
            waiter: codeRef(imports.generated(WAITERS_PATH, waiter.metaName)),
            trackedActions: waiter.trackedActions,
          },
        }
      : {}),
    ...(pages.length > 0
      ? {
          paginators: Object.fromEntries(
            pages.map(({ action, paginator }) => [
              action.name,
              codeRef(imports.generated(PAGINATORS_PATH, paginator.metaName)),
            ]),
          ),
        }
      : {}),
    ...(ir.stateWaiters.length > 0
      ? {
          states: ir.stateWaiters.map((w) => ({
            waiter: codeRef(imports.generated(STATE_WAITERS_PATH, w.metaName)),
            after: w.after,
            pending: w.pending,
            valueKind: w.valueKind,
          })),
        }
      : {}),
    ...Object.fromEntries(defaults.map((name) => [name, codeRef(name)])),
    ...(streams.length > 0
      ? { streams: Object.fromEntries(streams.map(({ action, stream }) => [action.name, stream.member])) }
      : {}),
  };
}

/** `startMockServer(options)`: core's local endpoint bound to this version's data. */
function startFunction(ir: IrService, imports: ModuleImports, collections: string | undefined): Statement {
  const waiter = ir.waiters[0];
  const pages = paginated(ir);
  const streams = streamingActions(ir);
  const options = imports.runtime("MockServerOptions");
  // The module exports its own `startMockServer`, so core's is imported under another name.
  const start = imports.runtime("startMockServer", "startLocalEndpoint");
  return {
    kind: StructureKind.Function,
    name: GENERATED_VALUES.startMockServer,
    isExported: true,
    parameters: [{ name: "options", type: collections ? `${options}<${collections}>` : options, initializer: "{}" }],
    returnType: `Promise<${imports.runtime("MockServer")}>`,
    docs: [
      doc(
        `Starts a local ${ir.title} endpoint on 127.0.0.1 for tests: it verifies TC3 signatures, validates ` +
          "requests against the spec, answers from the spec's samples" +
          (waiter ? `, and runs ${waiter.action} tasks to completion` : "") +
          (pages.length > 0 ? "; list actions answer from `collections`, filtered by id" : "") +
          (ir.stateWaiters.length > 0
            ? `; resources move to the states ${ir.stateWaiters.map((w) => w.methodName).join(", ")} await`
            : "") +
          (streams.length > 0
            ? `; ${streams.map(({ action }) => action.name).join(", ")} stream Server-Sent Events`
            : "") +
          ". Point a client at `endpoint` with the returned `credentials`; `close()` it when done.",
        [
          { tag: "param", text: "options - Port, task duration and outcome, rate limits, clock." },
          exampleTag(
            [
              "const server = await startMockServer();",
              `const client = new ${ir.names.client}({ endpoint: server.endpoint, credentials: server.credentials, region: "ap-guangzhou" });`,
              "// ...",
              "await server.close();",
            ].join("\n"),
          ),
        ],
      ),
    ],
    statements: [`return ${start}(${GENERATED_VALUES.mockData}, options);`],
  };
}

/**
 * The package's bin: the local endpoint of the version the package's `/testing` entry serves.
 * Written by the package's entries emitter, whose context it takes.
 */
export function emitCli(ir: Pick<IrService, "specPath" | "core">, context: EmitContext): GeneratedFile {
  const imports = context.imports(ir, TESTING_PATHS.cli);
  const run = imports.runtime("runMockServerCli");
  const data = imports.generated(TESTING_PATHS.index, GENERATED_VALUES.mockData);
  // The shebang must be the first line for the bin to run; the header follows it.
  const header = `#!/usr/bin/env node\n${headerLines(ir, ["service.json"])
    .map((l) => `// ${l}`)
    .join("\n")}\n\n`;
  return context.print(imports, header, [
    (w) =>
      w
        .writeLine(`${run}(${data}, process.argv.slice(2)).then(`)
        .indent(() => {
          w.writeLine("(code) => {")
            .indent(() => w.writeLine("process.exitCode = code;"))
            .writeLine("},");
          w.writeLine("(error: unknown) => {").indent(() => {
            w.writeLine("console.error(error);");
            w.writeLine("process.exitCode = 1;");
          });
          w.writeLine("},");
        })
        .write(");"),
  ]);
}
