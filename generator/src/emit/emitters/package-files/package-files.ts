import { readFileSync } from "node:fs";
import path from "node:path";
import type { IrPackage, IrService } from "../../../ir/index.js";
import type { EmitContext, PackageEmitter } from "../../support/emitter.js";
import type { GeneratedFile } from "../../support/file.js";
import { headerLines, lineCommentHeader } from "../../support/header.js";
import { writeLiteral } from "../../support/literal.js";
import { plainText } from "../../support/text.js";
import { packageEntries, packageSpecPath } from "../entries.js";
import { paginated } from "../paginators.js";
import { TESTING_PATHS } from "../testing/testing.js";
import { readmeView } from "./readme.js";
import { TEMPLATES_DIR, template } from "./templates.js";

/** Where the package sits in the repository, for package.json `repository.directory`. */
export function packageDirectory(pkg: Pick<IrPackage, "name">): string {
  return `packages/${pkg.name}`;
}

/** The build driver; package.json's `build` script runs it. */
const BUILD_SCRIPT = "scripts/build.gen.mjs";
/** The tsup config the build driver runs. */
const TSUP_CONFIG = "tsup.config.gen.ts";

/** package.json, README.md, tsconfig.json, the tsup config, its build driver and LICENSE of the generated package. */
export const packageFilesEmitter: PackageEmitter = {
  name: "package-files",
  files: ["package.json", "tsconfig.json", "README.md", "LICENSE", TSUP_CONFIG, BUILD_SCRIPT],
  runtime: ["defineConfig", "Options"],
  emit(pkg, context) {
    const { options } = context;
    const ir = pkg.defaultVersion;
    const specPath = packageSpecPath(pkg);
    const header = headerLines({ specPath }, []).join(" ");
    const entries = packageEntries(pkg);
    const versions =
      pkg.versions.length > 1 ? `APIs ${pkg.versions.map((v) => v.version).join(", ")}` : `API ${ir.version}`;
    return [
      {
        path: "package.json",
        content: reformatJson(
          template("package.json.hbs")({
            header,
            packageName: pkg.packageName,
            version: options.release.version,
            description:
              `${plainText(pkg.title)} (${versions}) client for Node.js: typed requests, responses and error codes` +
              `${pkg.versions.some((v) => v.waiters.length > 0) ? ", task waiter" : ""}` +
              `${pkg.versions.some((v) => paginated(v).length > 0) ? ", paginators" : ""}, and a local test endpoint.`,
            typesVersions: typesVersions(entries),
            exports: exportsMap(entries),
            service: ir.name,
            mockBin: ir.names.mockBin,
            directory: packageDirectory(pkg),
            coreRange: options.release.coreRange,
          }),
        ),
      },
      { path: "tsconfig.json", content: template("tsconfig.json.hbs")({ header }) },
      { path: "README.md", content: template("README.md.hbs")(readmeView(pkg, header)) },
      { path: "LICENSE", content: readFileSync(path.join(TEMPLATES_DIR, "LICENSE"), "utf8") },
      tsupConfig({ specPath, core: ir.core }, entries, context),
      buildScript(header, entries),
    ];
  },
};

/** `exports`: every entry for `import` and `require`, each with its declarations first. */
function exportsMap(entries: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of Object.keys(entries)) {
    const base = `./dist/${entry}`;
    const key = entry === "index" ? "." : `./${entry.replace(/\/index$/, "")}`;
    out[key] = {
      import: { types: `${base}.d.ts`, default: `${base}.js` },
      require: { types: `${base}.d.cts`, default: `${base}.cjs` },
    };
  }
  out["./package.json"] = "./package.json";
  return out;
}

/** `typesVersions` for TypeScript's node10 resolution, which ignores `exports`: each subpath's declarations. */
function typesVersions(entries: Readonly<Record<string, string>>): Record<string, unknown> {
  const paths: Record<string, string[]> = {};
  for (const entry of Object.keys(entries)) {
    if (entry !== "index") paths[entry.replace(/\/index$/, "")] = [`./dist/${entry}.d.cts`];
  }
  return { "*": paths };
}

/** Round-trips rendered JSON so a template typo fails here and the bytes are canonical. */
function reformatJson(text: string): string {
  return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
}

/** Public entries get both module kinds and declarations. The bin (`testing/cli`) is ESM only and has no API. */
function buildScript(header: string, entries: Readonly<Record<string, string>>): GeneratedFile {
  const declarationEntries = Object.keys(entries)
    .map((entry) => JSON.stringify(entry))
    .join(", ");
  return { path: BUILD_SCRIPT, content: template("build.mjs.hbs")({ header, declarationEntries }) };
}

function tsupConfig(
  ir: Pick<IrService, "specPath" | "core">,
  entries: Readonly<Record<string, string>>,
  context: EmitContext,
): GeneratedFile {
  const imports = context.imports(ir, TSUP_CONFIG);
  const defineConfig = imports.runtime("defineConfig");
  const options = imports.runtime("Options");
  // Neither `treeshake` (Rollup) nor `minifyWhitespace`: both drop the `/* @__PURE__ */` marks of the per-action
  // constants, and without them an app's bundler keeps every action of the service.
  const common = { target: "node20", platform: "node", minifySyntax: true };
  const builds: Array<[comment: string[], options: Record<string, unknown>]> = [
    [
      ["ESM, with the bin: `testing/cli` and `testing/index` share one chunk holding the local endpoint."],
      { entry: { ...entries, "testing/cli": TESTING_PATHS.cli }, format: "esm", splitting: true },
    ],
    [
      [
        "CommonJS for `require`, without the bin, which runs the ESM build. The declarations (.d.cts) come from here;",
        `${BUILD_SCRIPT} points the .d.ts files at them.`,
      ],
      { entry: entries, format: "cjs", dts: true },
    ],
  ];
  return context.print(imports, lineCommentHeader(ir, []), [
    (w) => {
      w.writeLine(
        "// TSDoc ships in the .d.ts files; the JavaScript keeps only the `@__PURE__` marks bundlers tree-shake by.",
      );
      w.write(`const common: ${options} = `);
      writeLiteral(w, common, 0);
      w.write(";").newLine().blankLine();
      w.writeLine(
        `// tsup runs the two builds in parallel, so neither cleans dist/: ${BUILD_SCRIPT} does, before them.`,
      );
      w.write(`export default ${defineConfig}([`);
      for (const [comment, options] of builds) {
        w.newLine().setIndentationLevel(1);
        for (const line of comment) w.writeLine(`// ${line}`);
        w.write("{").newLine().setIndentationLevel(2).write("...common,");
        for (const [key, value] of Object.entries(options)) {
          w.newLine().setIndentationLevel(2).write(`${key}: `);
          writeLiteral(w, value, 2);
          w.write(",");
        }
        w.newLine().setIndentationLevel(1).write("},");
      }
      w.newLine().setIndentationLevel(0).write("]);").newLine();
    },
  ]);
}
