import { readFile } from "node:fs/promises";
import { defineConfig, type Options } from "tsup";
import { restLayout, rootLayout } from "./scripts/build-esm-layout.js";

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

// tsup runs the builds in parallel, so none cleans dist/: scripts/build.mjs does, before them.
export default defineConfig([
  // ESM in two runs (scripts/build-esm-layout.ts): the root entry, which loads one chunk, and the rest (subpath
  // entries and the modules the root loads with `import()`, under lazy/), which take whatever the root loads
  // from its `shared.js`. The default credential chain, the SSE path and the proxy code stay out of the root's
  // files and load with the first call that needs them.
  {
    ...common,
    entry: { index: entry.index },
    format: "esm",
    splitting: true,
    esbuildPlugins: [versionOnly, rootLayout],
  },
  {
    ...common,
    entry: {
      "credentials/index": entry["credentials/index"],
      "testing/index": entry["testing/index"],
      naming: entry.naming,
    },
    format: "esm",
    splitting: true,
    esbuildPlugins: [versionOnly, restLayout],
    esbuildOptions(options) {
      options.chunkNames = "lazy/chunk-[hash]";
    },
  },
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
