import type { CodeBlockWriter } from "ts-morph";
import type { IrService } from "../../ir/index.js";
import type { PackageEmitter } from "../support/emitter.js";
import { exampleRequest } from "../support/example-request.js";
import { lineCommentHeader } from "../support/header.js";
import { writeLiteral } from "../support/literal.js";
import { packageSpecPath, versionPath } from "./entries.js";
import { INDEX_PATH } from "./index-file.js";
import { TESTING_PATHS } from "./testing/testing.js";

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
export const smokeTestEmitter: PackageEmitter = {
  name: "smoke-test",
  files: [SMOKE_TEST_PATH],
  runtime: ["describe", "expect", "it", "smokeCalls", "SmokeCall"],
  emit(pkg, context) {
    const imports = context.imports(pkg.defaultVersion, SMOKE_TEST_PATH);
    const [describe, expect, it] = [imports.runtime("describe"), imports.runtime("expect"), imports.runtime("it")];
    const smokeCalls = imports.runtime("smokeCalls");
    const smokeCall = imports.runtime("SmokeCall");
    for (const v of pkg.versions) {
      imports.namespace(versionPath(v.version, INDEX_PATH), alias("api", v));
      imports.namespace(versionPath(v.version, TESTING_PATHS.index), alias("testing", v));
      imports.namespace(versionPath(v.version, TESTING_PATHS.samples), alias("samples", v));
    }
    const header = lineCommentHeader({ specPath: packageSpecPath(pkg) }, ["actions/*.json"]);
    return [
      context.print(imports, header, [
        ...pkg.versions.map((v) => (w: CodeBlockWriter) => {
          w.writeLine(
            `/** ${v.version}: each action's client method and a request built from its members' examples. */`,
          );
          w.write(`const ${alias("calls", v)}: readonly ${smokeCall}[] = `);
          writeLiteral(
            w,
            v.actions.map((a) => ({ action: a.name, method: a.methodName, example: exampleRequest(v, a.input) })),
            0,
          );
          w.write(";").newLine();
        }),
        (w: CodeBlockWriter) => {
          w.writeLine(`${describe}(${JSON.stringify(`${pkg.packageName} against its local endpoint`)}, () => {`);
          for (const v of pkg.versions) {
            const title = `${v.version}: all ${v.actions.length} actions answer through ${v.names.client} (validation on, signatures verified)`;
            w.indent(1)
              .write(`${it}(${JSON.stringify(title)}, async () => {`)
              .newLine();
            w.indent(2).write(`const report = await ${smokeCalls}({`).newLine();
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
            w.indent(2).write(`${expect}(report.failures).toEqual([]);`).newLine();
            w.indent(2).write(`${expect}(report.passed).toBe(${v.actions.length});`).newLine();
            w.indent(1).write(`}, ${TIMEOUT_MS});`).newLine();
          }
          w.writeLine("});");
        },
      ]),
    ];
  },
};

/** `api` + `2018-03-17` → `api_2018_03_17`: one name per version, never a spec name. */
function alias(prefix: string, v: Pick<IrService, "version">): string {
  return `${prefix}_${v.version.replace(/-/g, "_")}`;
}
