import type { IrService } from "../ir/index.js";
import { GENERATED_VALUES } from "../ir/reserved.js";
import type { GeneratedFile } from "./file.js";
import { headerLines, lineCommentHeader } from "./header.js";
import { codeRef, dataConstant } from "./literal.js";
import { paginated } from "./paginators.js";
import type { Statement, TsPrinter } from "./printer.js";
import { STATE_WAITERS_MODULE } from "./state-waiters.js";
import { streamingActions } from "./streams.js";
import { collectionsImports, collectionsType, defaultNames, emitDefaults } from "./testing-collections.js";
import { StructureKind } from "./ts-morph.js";
import { doc, exampleTag } from "./tsdoc.js";

/** Paths of the `/testing` entry; samples live only here so the main bundle stays small. */
export const TESTING_PATHS = {
  index: "src/testing/index.gen.ts",
  samples: "src/testing/samples.gen.ts",
  cli: "src/testing/cli.gen.ts",
} as const;

const PARENT = { metadata: "../metadata.gen.js", waiters: "../waiters.gen.js", paginators: "../paginators.gen.js" };

/**
 * A version's `/testing` entry: spec samples and task data bound to core's local endpoint. The
 * command line bin is one per package ({@link emitCli}).
 */
export function emitTesting(ir: IrService, printer: TsPrinter): GeneratedFile[] {
  const defaults = emitDefaults(ir, printer);
  return [emitSamples(ir, printer), emitTestingIndex(ir, printer), ...(defaults ? [defaults] : [])];
}

function emitSamples(ir: IrService, printer: TsPrinter): GeneratedFile {
  const samples = Object.fromEntries(
    ir.actions
      .filter((a) => a.samples.length > 0)
      .map((a) => [a.name, a.samples.map((s) => ({ request: s.request, response: s.response }))]),
  );
  return printer.print(TESTING_PATHS.samples, lineCommentHeader(ir, ["actions/*.json samples"]), [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core/testing",
      isTypeOnly: true,
      namedImports: ["MockSample"],
    },
    dataConstant({
      name: GENERATED_VALUES.samples,
      doc: "Request/response samples from the spec, by action name.",
      type: "Readonly<Record<string, readonly MockSample[]>>",
      value: samples,
    }),
  ]);
}

function emitTestingIndex(ir: IrService, printer: TsPrinter): GeneratedFile {
  // Core simulates one kind of task; a service with several waiters gets the first one's.
  const waiter = ir.waiters[0];
  const pages = paginated(ir);
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core/testing",
      namedImports: [
        { name: GENERATED_VALUES.startMockServer, alias: "startLocalEndpoint" },
        { name: "MockServer", isTypeOnly: true },
        { name: "MockServerOptions", isTypeOnly: true },
        { name: "MockServiceData", isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: PARENT.metadata,
      namedImports: [GENERATED_VALUES.actions, GENERATED_VALUES.serviceMeta],
    },
  ];
  if (pages.length > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: PARENT.paginators,
      namedImports: pages.map((p) => p.paginator.metaName),
    });
  }
  if (waiter)
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: PARENT.waiters,
      namedImports: [waiter.metaName],
    });
  if (ir.stateWaiters.length > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: `../${STATE_WAITERS_MODULE.slice(2)}`,
      namedImports: ir.stateWaiters.map((w) => w.metaName),
    });
  }
  const collections = collectionsType(ir);
  statements.push(...collectionsImports(ir));
  const defaults = defaultNames(ir);
  if (defaults.length > 0)
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./defaults.gen.js",
      namedImports: defaults,
    });
  const streams = streamingActions(ir);
  statements.push(
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./samples.gen.js",
      namedImports: [GENERATED_VALUES.samples],
    },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "@org/tc-core/testing",
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
      type: "MockServiceData",
      value: {
        meta: codeRef(GENERATED_VALUES.serviceMeta),
        actions: Object.fromEntries(
          ir.actions.map((a) => [
            a.name,
            codeRef(`{ ...${GENERATED_VALUES.actions}.${a.methodName}, regionRequired: ${String(a.regionRequired)} }`),
          ]),
        ),
        samples: codeRef(GENERATED_VALUES.samples),
        ...(waiter ? { task: { waiter: codeRef(waiter.metaName), trackedActions: waiter.trackedActions } } : {}),
        ...(pages.length > 0
          ? {
              paginators: Object.fromEntries(
                pages.map(({ action, paginator }) => [action.name, codeRef(paginator.metaName)]),
              ),
            }
          : {}),
        ...(ir.stateWaiters.length > 0
          ? {
              states: ir.stateWaiters.map((w) => ({
                waiter: codeRef(w.metaName),
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
      },
    }),
    {
      kind: StructureKind.Function,
      name: GENERATED_VALUES.startMockServer,
      isExported: true,
      parameters: [
        {
          name: "options",
          type: collections ? `MockServerOptions<${collections.name}>` : "MockServerOptions",
          initializer: "{}",
        },
      ],
      returnType: "Promise<MockServer>",
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
      statements: ["return startLocalEndpoint(mockData, options);"],
    },
  );
  return printer.print(TESTING_PATHS.index, lineCommentHeader(ir, ["service.json", "actions/*.json"]), statements);
}

/** The package's bin: the local endpoint of the version the package's `/testing` entry serves. */
export function emitCli(ir: Pick<IrService, "specPath">, printer: TsPrinter): GeneratedFile {
  // The shebang must be the first line for the bin to run; the header follows it.
  const header = `#!/usr/bin/env node\n${headerLines(ir, ["service.json"])
    .map((l) => `// ${l}`)
    .join("\n")}\n\n`;
  return printer.print(TESTING_PATHS.cli, header, [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core/testing",
      namedImports: ["runMockServerCli"],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./index.gen.js",
      namedImports: [GENERATED_VALUES.mockData],
    },
    (w) =>
      w
        .writeLine("runMockServerCli(mockData, process.argv.slice(2)).then(")
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
