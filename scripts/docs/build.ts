// `npm run docs`: the API reference site of every published package, one TypeDoc run in packages mode.
// TypeDoc would infer each package's entry points from package.json `exports`, but those name dist/
// files a noEmit tsconfig cannot map back to src/; a package-level options reader supplies the sources
// instead (workspaces.ts), so no per-package typedoc.json is needed, not even in generated packages.
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  Application,
  Converter,
  type Options,
  type OptionsReader,
  ReflectionKind,
  TSConfigReader,
  TypeDocReader,
} from "typedoc";
import { type DocumentedPackage, documentedPackages } from "./workspaces.js";

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where the site is written (git-ignored). */
export const SITE_DIR = path.join(ROOT, "build/api-reference");

/** Supplies each package's entry points while TypeDoc reads that package's options. */
function entryPointReader(packages: readonly DocumentedPackage[]): OptionsReader {
  return {
    name: "tc-sdk-entry-points",
    // After typedoc.json (100), before tsconfig.json (200): the tsconfig reader must see the package's own file.
    order: 150,
    supportsPackages: true,
    read(container: Options, _logger, cwd: string) {
      const pkg = packages.find((candidate) => path.resolve(candidate.dir) === path.resolve(cwd));
      if (!pkg) return;
      container.setValue("tsconfig", path.join(pkg.dir, "tsconfig.json"), cwd);
      container.setValue(
        "entryPoints",
        pkg.entryPoints.map((entry) => entry.source),
        cwd,
      );
    },
  };
}

/**
 * Names each module by what a user imports (`@org/tc-redis/testing`) instead of TypeDoc's file-path
 * default (`testing/index.gen`), matching the module's source file against the entry points.
 */
function nameModulesBySpecifier(app: Application, packages: readonly DocumentedPackage[]): void {
  const specifiers = new Map(
    packages.flatMap((pkg) => pkg.entryPoints.map((entry) => [path.resolve(entry.source), entry.specifier] as const)),
  );
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const specifier = file === undefined ? undefined : specifiers.get(path.resolve(file));
    if (specifier) reflection.name = specifier;
  });
}

/**
 * Upstream text in generated comments such as "symbols ()~!@#$%^&*-+=_|{}[]:;<>,.?/" reads to markdown as
 * a link reference definition (`[]: ;<>,.?/`), and TypeDoc warns that the "relative path" is no file.
 * The text is the service's, escaping it is the generator's job (reported there); this warning alone is
 * shown but not fatal, so every other warning still fails the build.
 */
const TOLERATED_WARNING = /^The relative path .* is not a file and will not be copied to the output directory$/;

/**
 * A TypeDoc application over `packages` with the site's options, module names and warning policy.
 * `fatalWarnings()` counts the warnings that must fail a build (all but {@link TOLERATED_WARNING}).
 */
export async function referenceApp(
  packages: readonly DocumentedPackage[],
  out: string = SITE_DIR,
): Promise<{ app: Application; fatalWarnings: () => number }> {
  const app = await Application.bootstrapWithPlugins(
    {
      name: "Tencent Cloud TypeScript SDK",
      entryPointStrategy: "packages",
      entryPoints: packages.map((pkg) => pkg.dir),
      // No root guide: the landing page is then the list of packages, each linking to its README.
      readme: "none",
      out,
      // Deterministic pages: no git revision in source links, no generator stamp.
      disableSources: true,
      hideGenerator: true,
      excludePrivate: true,
      excludeInternal: true,
      searchInComments: true,
      highlightLanguages: ["ts", "js", "json", "sh", "ini"],
      packageOptions: {
        excludePrivate: true,
        excludeInternal: true,
        // A package's README is its guide, shown on the package's page.
        readme: "README.md",
      },
    },
    // The readers TypeDoc uses by default, minus command-line arguments (this script takes none), plus ours.
    [new TypeDocReader(), new TSConfigReader(), entryPointReader(packages)],
  );
  nameModulesBySpecifier(app, packages);
  let fatal = 0;
  const logger = app.logger as unknown as { warn: (message: string, ...where: unknown[]) => void };
  const warn = logger.warn.bind(logger);
  logger.warn = (message, ...where) => {
    if (!TOLERATED_WARNING.test(message)) fatal += 1;
    warn(message, ...where);
  };
  return { app, fatalWarnings: () => fatal };
}

/** Builds the site into `out`; resolves with the documented packages, rejects when TypeDoc reports an error or warning. */
export async function buildSite(out: string = SITE_DIR): Promise<DocumentedPackage[]> {
  const packages = documentedPackages(ROOT);
  const { app, fatalWarnings } = await referenceApp(packages, out);
  const project = await app.convert();
  if (!project) throw new Error("TypeDoc could not convert the packages (see the messages above)");
  await app.generateOutputs(project);
  if (app.logger.hasErrors() || fatalWarnings() > 0) {
    throw new Error("TypeDoc reported problems (see the messages above)");
  }
  return packages;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const packages = await buildSite();
  console.log(
    `API reference for ${packages.map((pkg) => pkg.name).join(", ")} in ${path.relative(ROOT, SITE_DIR)}/index.html`,
  );
}
