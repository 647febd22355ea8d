// Which public symbols of a package lack TSDoc, as TypeDoc sees them (the same reflections the reference
// site renders). `npm run docs:coverage` prints the figures; the scripts' test fails on any gap in core.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ContainerReflection, type DeclarationReflection, ReflectionKind } from "typedoc";
import { ROOT, referenceApp } from "./build.js";
import { documentedPackages } from "./workspaces.js";

/**
 * The kinds that must carry a summary: TypeDoc's own `requiredToBeDocumented` default. Constructors are
 * left out as TypeDoc does: the class summary says what one builds and the options type documents the rest.
 */
const REQUIRED =
  ReflectionKind.Enum |
  ReflectionKind.EnumMember |
  ReflectionKind.Variable |
  ReflectionKind.Function |
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.Property |
  ReflectionKind.Method |
  ReflectionKind.Accessor |
  ReflectionKind.TypeAlias;

/** How much of one package's public surface has TSDoc. */
export interface TsdocCoverage {
  readonly packageName: string;
  /** Public symbols TypeDoc requires to be documented (members inherited from a documented base excluded). */
  readonly total: number;
  /** Their full names (`Module.Class.member`), those without a summary. */
  readonly undocumented: readonly string[];
}

function hasSummary(reflection: DeclarationReflection): boolean {
  const comments = [
    reflection.comment,
    ...(reflection.signatures ?? []).map((s) => s.comment),
    reflection.getSignature?.comment,
  ];
  return comments.some((comment) => comment?.summary.some((part) => part.text.trim() !== ""));
}

/** Converts the named published packages (all when none are named) and reports their TSDoc coverage. */
export async function measureTsdocCoverage(names: readonly string[] = []): Promise<TsdocCoverage[]> {
  const packages = documentedPackages(ROOT).filter((pkg) => names.length === 0 || names.includes(pkg.name));
  const { app } = await referenceApp(packages);
  const project = await app.convert();
  if (!project) throw new Error("TypeDoc could not convert the packages (see the messages above)");
  return packages.map((pkg) => {
    // With one package TypeDoc makes it the project itself; with several, each is a child module.
    const root: ContainerReflection = project.children?.find((child) => child.name === pkg.name) ?? project;
    const symbols = collect(root);
    return {
      packageName: pkg.name,
      total: symbols.length,
      undocumented: symbols.filter((symbol) => !hasSummary(symbol)).map((symbol) => symbol.getFullName()),
    };
  });
}

/** Every reflection under `parent` of a required kind, skipping what a base class or interface documents. */
function collect(parent: ContainerReflection): DeclarationReflection[] {
  const found: DeclarationReflection[] = [];
  const visit = (reflection: DeclarationReflection): void => {
    if (reflection.inheritedFrom) return;
    if (reflection.kindOf(REQUIRED as ReflectionKind)) found.push(reflection);
    for (const child of reflection.children ?? []) visit(child);
    // Members of object types written inline (`options: { a: string }`) are public too.
    if (reflection.type?.type === "reflection") {
      for (const child of reflection.type.declaration.children ?? []) visit(child);
    }
  };
  for (const child of parent.children ?? []) visit(child);
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  let missing = 0;
  for (const coverage of await measureTsdocCoverage(names)) {
    const documented = coverage.total - coverage.undocumented.length;
    console.log(`${coverage.packageName}: ${documented} of ${coverage.total} public symbols have TSDoc`);
    for (const name of coverage.undocumented) console.log(`  missing: ${name}`);
    missing += coverage.undocumented.length;
  }
  process.exit(missing === 0 ? 0 : 1);
}
