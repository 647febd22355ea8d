import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import type { IrAction, IrPackage, IrService } from "../ir/index.js";
import { packageEntries, packageSpecPath } from "./entries.js";
import { literalText } from "./example.js";
import type { EmitOptions, GeneratedFile } from "./file.js";
import { headerLines, lineCommentHeader } from "./header.js";
import { writeLiteral } from "./literal.js";
import { actionNamed, requestOptional, sentence } from "./names.js";
import { paginated } from "./paginators.js";
import type { TsPrinter } from "./printer.js";
import { readmeVersions } from "./readme-versions.js";
import { TESTING_PATHS } from "./testing.js";
import { markdownText, plainText } from "./text.js";
import { StructureKind } from "./ts-morph.js";

/** The generator's `templates/` folder, found from this module. */
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../templates");

/** Where the package sits in the repository, for package.json `repository.directory`. */
export function packageDirectory(pkg: Pick<IrPackage, "name">): string {
  return `packages/${pkg.name}`;
}

/** Install footprint of one package as the publish test measured it, for its README. */
interface MeasuredSize {
  readonly packed: string;
  readonly unpacked: string;
  readonly installed: string;
}

let measuredSizes: Readonly<Record<string, MeasuredSize>> | undefined;

/** `templates/measured-sizes.json`, read once; packages without an entry get no size line. */
function measuredSize(packageName: string): MeasuredSize | undefined {
  measuredSizes ??= JSON.parse(readFileSync(path.join(TEMPLATES_DIR, "measured-sizes.json"), "utf8")) as Record<
    string,
    MeasuredSize
  >;
  return Object.hasOwn(measuredSizes, packageName) ? measuredSizes[packageName] : undefined;
}

type Render = (view: object) => string;
const compiled = new Map<string, Render>();

/** Compiles a template once per process; `noEscape` because output is JSON or Markdown, not HTML. */
function template(name: string): Render {
  let render = compiled.get(name);
  if (!render) {
    const hbs = Handlebars.create();
    hbs.registerHelper("json", (value: unknown) => JSON.stringify(value));
    render = hbs.compile(readFileSync(path.join(TEMPLATES_DIR, name), "utf8"), { noEscape: true, strict: true });
    compiled.set(name, render);
  }
  return render;
}

/** package.json, README.md, tsconfig.json, the tsup config, its build driver and LICENSE of the generated package. */
export function emitPackageFiles(pkg: IrPackage, options: EmitOptions, printer: TsPrinter): GeneratedFile[] {
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
    tsupConfig({ specPath }, entries, printer),
    buildScript(header, entries),
  ];
}

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

/** The build driver; package.json's `build` script runs it. */
const BUILD_SCRIPT = "scripts/build.gen.mjs";

/** Public entries get both module kinds and declarations. The bin (`testing/cli`) is ESM only and has no API. */
function buildScript(header: string, entries: Readonly<Record<string, string>>): GeneratedFile {
  const declarationEntries = Object.keys(entries)
    .map((entry) => JSON.stringify(entry))
    .join(", ");
  return { path: BUILD_SCRIPT, content: template("build.mjs.hbs")({ header, declarationEntries }) };
}

function tsupConfig(
  ir: Pick<IrService, "specPath">,
  entries: Readonly<Record<string, string>>,
  printer: TsPrinter,
): GeneratedFile {
  const common = { target: "node20", platform: "node", treeshake: true, minifyWhitespace: true, minifySyntax: true };
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
  return printer.print("tsup.config.gen.ts", lineCommentHeader(ir, []), [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "tsup",
      namedImports: ["defineConfig", { name: "Options", isTypeOnly: true }],
    },
    (w) => {
      w.writeLine("// TSDoc ships in the .d.ts files; the JavaScript drops comments and whitespace to stay small.");
      w.write("const common: Options = ");
      writeLiteral(w, common, 0);
      w.write(";").newLine().blankLine();
      w.writeLine(
        `// tsup runs the two builds in parallel, so neither cleans dist/: ${BUILD_SCRIPT} does, before them.`,
      );
      w.write("export default defineConfig([");
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

/** Data the README template renders; every choice of example is derived from the IR. */
function readmeView(pkg: IrPackage, header: string): object {
  const ir = pkg.defaultVersion;
  const listing = mainListing(ir);
  const quick =
    listing ?? ir.actions.find((a) => a.readOnly && requestOptional(a) && a.samples.length > 0) ?? ir.actions[0];
  const waiter = ir.waiters[0];
  const errorAction =
    (waiter && actionNamed(ir, waiter.action)) ?? ir.actions.find((a) => a.errors.length > 0) ?? quick;
  const validated =
    (waiter && actionNamed(ir, waiter.action)) ?? ir.actions.find((a) => a.input.some((m) => m.required));
  const required = validated?.input.find((m) => m.required);
  const pages = paginated(ir);
  const firstPage =
    pages.find((p) => p.action === listing) ?? pages.find((p) => p.paginator.total !== undefined) ?? pages[0];
  const tracked = waiter ? waiter.trackedActions.map((name) => actionNamed(ir, name)) : [];
  const starter = [...tracked].sort((a, b) => requiredCount(a) - requiredCount(b))[0];
  return {
    header,
    packageName: pkg.packageName,
    title: markdownText(pkg.title),
    version: ir.version,
    versions: readmeVersions(pkg),
    multiVersion: pkg.versions.length > 1,
    endpoint: ir.endpoint,
    intlEndpoint: ir.intlEndpoint,
    clientName: ir.names.client,
    errorGuard: ir.names.errorGuard,
    serviceErrorCode: ir.names.serviceErrorCode,
    mockBin: ir.names.mockBin,
    installSize: measuredSize(pkg.packageName),
    actionCount: ir.actions.length,
    quickStart: quick && { name: quick.name, methodName: quick.methodName, request: requestArgument(quick) },
    errorExample: errorAction && {
      methodName: errorAction.methodName,
      request: requestArgument(errorAction),
      code: errorAction.errors[0]?.code ?? "",
    },
    waiter: waiter && {
      input: waiter.input,
      methodName: waiter.methodName,
      actionMethod: actionNamed(ir, waiter.action).methodName,
      minSeconds: waiter.minDelayMs / 1000,
      maxSeconds: waiter.maxDelayMs / 1000,
      failure: waiter.failure.map((f) => `\`${f}\``).join(" or "),
      example: starter && { methodName: starter.methodName, request: requestArgument(starter) },
    },
    taskActionCount: tracked.length,
    paginatorCount: pages.length,
    paginatorExample: firstPage && {
      methodName: firstPage.paginator.methodName,
      items: firstPage.paginator.items,
      total: firstPage.paginator.total ?? firstPage.paginator.items,
    },
    validationExample: validated &&
      required && {
        methodName: validated.methodName,
        member: required.name,
        typo: typo(required.name),
        value: codeText(JSON.stringify(exampleValue(validated, required.name)) ?? "null"),
      },
  };
}

/**
 * The listing of the service's main resource, for the README's first examples: among paginated
 * actions callable without arguments, the one whose items carry the most members.
 */
function mainListing(ir: IrService): IrAction | undefined {
  const structures = new Map(ir.structures.map((s) => [s.name, s.members.length]));
  const width = (a: IrAction): number => {
    const item = a.paginator?.itemType;
    return item?.kind === "structure" ? (structures.get(item.name) ?? 0) : 0;
  };
  return paginated(ir)
    .map(({ action }) => action)
    .filter(requestOptional)
    .sort((a, b) => width(b) - width(a))[0];
}

function requiredCount(a: IrAction): number {
  return a.input.filter((m) => m.required).length;
}

/** The first sample's request as an argument, or nothing when the request is optional and empty. */
function requestArgument(a: IrAction): string {
  const request = a.samples[0]?.request ?? {};
  if (Object.keys(request).length === 0) return requestOptional(a) ? "" : "{ /* ... */ }";
  return codeText(literalText(request));
}

/** A plausible typo of a member name: its last letter in the other case (`TaskId` → `TaskID`). */
function typo(name: string): string {
  const last = name.charAt(name.length - 1);
  const flipped = last === last.toUpperCase() ? last.toLowerCase() : last.toUpperCase();
  return name.slice(0, -1) + flipped;
}

function exampleValue(a: IrAction, member: string): unknown {
  return a.samples[0]?.request[member] ?? "…";
}

/**
 * Sample text inside a fenced code block: a backtick run could close the fence, so backticks (which
 * occur only inside string literals here) are written as the `\u0060` escape.
 */
function codeText(code: string): string {
  return code.replace(/`/g, "\\u0060");
}
