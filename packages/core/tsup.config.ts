import { readFile } from "node:fs/promises";
import { defineConfig, type Options } from "tsup";

const entry = {
  index: "src/index.ts",
  "credentials/index": "src/credentials/index.ts",
  "testing/index": "src/testing/index.ts",
  naming: "src/naming.ts",
};
/**
 * `src/client/version.ts` imports package.json for its `version`; a bundled default import would carry the
 * whole manifest (1.7 KB minified) into every app. The build hands it the version alone.
 */
const versionOnly: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "package-json-version-only",
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]package\.json$/ }, async (args) => {
      const { version } = JSON.parse(await readFile(args.path, "utf8")) as { version: string };
      return { contents: JSON.stringify({ version }), loader: "json" };
    });
  },
};
const common: Options = { entry, target: "node20", platform: "node", esbuildPlugins: [versionOnly] };

// tsup runs the two builds in parallel, so neither cleans dist/: scripts/build.mjs does, before them.
export default defineConfig([
  // ESM: `testing/index` and `credentials/index` share code with the main entry through chunks; the default
  // credential chain the main entry imports lazily becomes its own chunk, loaded with the first call that needs it.
  { ...common, format: "esm", splitting: true },
  // CommonJS for `require`. The declarations (.d.cts) come from here; scripts/build.mjs points the .d.ts files at them.
  {
    ...common,
    format: "cjs",
    dts: true,
    // `import("ini")` as a `require`, so the CommonJS build never starts Node's ESM loader (nor trips test runners
    // without ESM support) just to read a credentials file.
    esbuildOptions(options) {
      options.supported = { ...options.supported, "dynamic-import": false };
    },
  },
]);
