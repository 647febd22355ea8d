import type { CodeBlockWriter, ImportDeclarationStructure } from "ts-morph";
import type { IrPackage, IrService } from "../ir/index.js";
import { packageSpecPath, versionPath } from "./entries.js";
import { exampleRequest } from "./example-request.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { INDEX_PATH } from "./index-file.js";
import { writeLiteral } from "./literal.js";
import type { TsPrinter } from "./printer.js";
import { TESTING_PATHS } from "./testing.js";
import { StructureKind } from "./ts-morph.js";

/** The package's own smoke test, run by its `test` script (vitest). */
export const SMOKE_TEST_PATH = "test/smoke.gen.test.ts";

/** How long one version's calls may take: the largest services have a few hundred actions. */
const TIMEOUT_MS = 120_000;

/**
 * `test/smoke.gen.test.ts`: for every version, every action called through the generated client
 * against the version's own local endpoint (validation on, signatures verified), with its first
 * sample's request or else a request built from the members' examples. The logic is core's
 * `smokeCalls`; this file is data (each action's method and example request) and one call per version.
 */
export function emitSmokeTest(pkg: IrPackage, printer: TsPrinter): GeneratedFile {
  const header = lineCommentHeader({ specPath: packageSpecPath(pkg) }, ["actions/*.json"]);
  const fromTest = (file: string): string => `../${file.replace(/\.ts$/, ".js")}`;
  return printer.print(SMOKE_TEST_PATH, header, [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "vitest", namedImports: ["describe", "expect", "it"] },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core/testing",
      namedImports: ["smokeCalls", { name: "SmokeCall", isTypeOnly: true }],
    },
    ...pkg.versions.flatMap((v) => [
      namespaceImport(alias("api", v), fromTest(versionPath(v.version, INDEX_PATH))),
      namespaceImport(alias("testing", v), fromTest(versionPath(v.version, TESTING_PATHS.index))),
      namespaceImport(alias("samples", v), fromTest(versionPath(v.version, TESTING_PATHS.samples))),
    ]),
    ...pkg.versions.map((v) => (w: CodeBlockWriter) => {
      w.writeLine(`/** ${v.version}: each action's client method and a request built from its members' examples. */`);
      w.write(`const ${alias("calls", v)}: readonly SmokeCall[] = `);
      writeLiteral(
        w,
        v.actions.map((a) => ({ action: a.name, method: a.methodName, example: exampleRequest(v, a.input) })),
        0,
      );
      w.write(";").newLine();
    }),
    (w) => {
      w.writeLine(`describe(${JSON.stringify(`${pkg.packageName} against its local endpoint`)}, () => {`);
      for (const v of pkg.versions) {
        const title = `${v.version}: all ${v.actions.length} actions answer through ${v.names.client} (validation on, signatures verified)`;
        w.indent(1)
          .write(`it(${JSON.stringify(title)}, async () => {`)
          .newLine();
        w.indent(2).write("const report = await smokeCalls({").newLine();
        w.indent(3)
          .write(`Client: ${alias("api", v)}.${v.names.client},`)
          .newLine();
        w.indent(3)
          .write(`startMockServer: () => ${alias("testing", v)}.startMockServer(),`)
          .newLine();
        w.indent(3)
          .write(`calls: ${alias("calls", v)},`)
          .newLine();
        w.indent(3)
          .write(`samples: ${alias("samples", v)}.samples,`)
          .newLine();
        w.indent(2).write("});").newLine();
        w.indent(2).write("expect(report.failures).toEqual([]);").newLine();
        w.indent(2).write(`expect(report.passed).toBe(${v.actions.length});`).newLine();
        w.indent(1).write(`}, ${TIMEOUT_MS});`).newLine();
      }
      w.writeLine("});");
    },
  ]);
}

function namespaceImport(name: string, moduleSpecifier: string): ImportDeclarationStructure {
  return { kind: StructureKind.ImportDeclaration, moduleSpecifier, namespaceImport: name };
}

/** `api` + `2018-03-17` → `api_2018_03_17`: one name per version, never a spec name. */
function alias(prefix: string, v: Pick<IrService, "version">): string {
  return `${prefix}_${v.version.replace(/-/g, "_")}`;
}
