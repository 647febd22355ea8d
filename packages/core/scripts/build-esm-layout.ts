// The layout of the ESM build, so that `import "@org/tc-core"` reads two files instead of a dozen chunks.
//
// One esbuild run over every entry (and the modules loaded with `import()`) splits the code the root entry
// loads into a chunk per combination of entries that share it: thirteen files, each resolved, read and
// compiled by Node's ESM loader before the first call. Instead the ESM build runs twice:
// - the root build: the root entry plus `shared`, which re-exports (under unique aliases) everything the
//   modules the root entry loads export. Both need all of it, so it becomes ONE chunk, and `index.js` is a
//   list of re-exports from it. The modules the root loads with `import()` stay out: their imports point at
//   `lazy/<path>.js`.
// - the rest build: the subpath entries (`credentials/index`, `testing/index`, `naming`) and the lazily loaded
//   modules as `lazy/<path>` entries. A module the root entry loads is replaced by re-exports from
//   `shared.js`, so every entry shares the root's instances (one copy of each class, cache and constant) and
//   nothing the root loads is duplicated.
// The rest build writes the specifier `SHARED_PLACEHOLDER`; scripts/build.mjs replaces it with the path to
// `shared.js` relative to each file, then imports every file once to prove each name resolves.
import path from "node:path";
import type { Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];
type PluginBuild = Parameters<Plugin["setup"]>[0];

/** What scripts/build.mjs replaces with the relative path of `shared.js`. */
export const SHARED_PLACEHOLDER = "@org/tc-core/<shared>";

const ROOT_ENTRY = "src/index.ts";
const SHARED_ENTRY = "<shared>";

interface Layout {
  /** Absolute path of each module the root entry loads statically → its export names. */
  readonly exportsOf: ReadonlyMap<string, readonly string[]>;
  /** Absolute path of each module the root entry loads with `import()` → its entry name (`lazy/…`). */
  readonly lazy: ReadonlyMap<string, string>;
}

let layout: Promise<Layout> | undefined;

/** Computed once per build by whichever run asks first, with the esbuild the run uses. */
function analyse(build: PluginBuild): Promise<Layout> {
  layout ??= (async () => {
    const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
    const options = {
      absWorkingDir: cwd,
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "node",
      packages: "external",
      logLevel: "silent",
    } as const;
    const { metafile } = await build.esbuild.build({
      ...options,
      entryPoints: [ROOT_ENTRY],
      outdir: "out",
      splitting: true,
    });
    const loaded = new Set<string>();
    const lazy = new Set<string>();
    const todo = [ROOT_ENTRY];
    for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
      if (loaded.has(file)) continue;
      loaded.add(file);
      for (const edge of metafile.inputs[file]?.imports ?? []) {
        if (edge.external) continue;
        if (edge.kind === "dynamic-import") lazy.add(edge.path);
        else todo.push(edge.path);
      }
    }
    // Source modules only: a JSON file (package.json, for the version) is read by the module importing it.
    const files = [...loaded].filter((file) => file.endsWith(".ts")).sort();
    // Every name a module exports, `export *` included: bundle it alone and read the entry's exports.
    const names = await Promise.all(
      files.map(async (file) => {
        const built = await build.esbuild.build({ ...options, entryPoints: [file], outdir: "out" });
        return Object.values(built.metafile.outputs).find((output) => output.entryPoint !== undefined)?.exports ?? [];
      }),
    );
    return {
      exportsOf: new Map(files.map((file, i) => [path.join(cwd, file), names[i]!])),
      lazy: new Map(
        [...lazy]
          .filter((file) => !loaded.has(file))
          .sort()
          .map((file) => [
            path.join(cwd, file),
            `lazy/${file
              .replace(/^src\//, "")
              .replace(/\.ts$/, "")
              .replaceAll("/", "-")}`,
          ]),
      ),
    };
  })();
  return layout;
}

/** `name` as `shared.js` exports it for the module numbered `index`: unique, as two modules may share a name. */
function alias(name: string, index: number): string {
  return `${name}$${index}`;
}

/** The root build: `shared` re-exports every module the root loads; `import()` of those modules goes to `lazy/`. */
export const rootLayout: Plugin = {
  name: "esm-layout-root",
  async setup(build) {
    const { exportsOf, lazy } = await analyse(build);
    (build.initialOptions.entryPoints as Record<string, string>)["shared"] = SHARED_ENTRY;
    const reexports = [...exportsOf]
      .filter(([, names]) => names.length > 0)
      .map(
        ([file, names], i) =>
          `export { ${names.map((name) => `${name} as ${alias(name, i)}`).join(", ")} } from ${JSON.stringify(file)};`,
      )
      .join("\n");
    build.onResolve({ filter: /^<shared>$/ }, () => ({ path: SHARED_ENTRY, namespace: "esm-layout" }));
    build.onLoad({ filter: /.*/, namespace: "esm-layout" }, () => ({
      contents: reexports,
      loader: "js",
      resolveDir: build.initialOptions.absWorkingDir ?? process.cwd(),
    }));
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.kind !== "dynamic-import" || args.pluginData === "esm-layout") return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "esm-layout",
      });
      const entry = lazy.get(resolved.path);
      // The root build's outputs all sit in dist/, beside lazy/.
      return entry === undefined ? undefined : { path: `./${entry}.js`, external: true };
    });
  },
};

/** The rest build: the lazily loaded modules become `lazy/` entries; the root's modules come from `shared.js`. */
export const restLayout: Plugin = {
  name: "esm-layout-rest",
  async setup(build) {
    const { exportsOf, lazy } = await analyse(build);
    const entries = build.initialOptions.entryPoints as Record<string, string>;
    for (const [file, entry] of lazy) entries[entry] = file;
    const numbered = new Map(
      [...exportsOf.keys()].filter((file) => exportsOf.get(file)!.length > 0).map((file, i) => [file, i]),
    );
    build.onResolve({ filter: /^@org\/tc-core\/<shared>$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const names = exportsOf.get(args.path);
      if (names === undefined) return undefined;
      const i = numbered.get(args.path);
      return {
        contents:
          i === undefined
            ? "export {};"
            : `export { ${names.map((name) => `${alias(name, i)} as ${name}`).join(", ")} } from ${JSON.stringify(SHARED_PLACEHOLDER)};`,
        loader: "js",
      };
    });
  },
};
