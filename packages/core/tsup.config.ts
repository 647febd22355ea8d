import { defineConfig, type Options } from "tsup";

const entry = {
  index: "src/index.ts",
  "credentials/index": "src/credentials/index.ts",
  "testing/index": "src/testing/index.ts",
  naming: "src/naming.ts",
};
const common: Options = { entry, target: "node20", platform: "node" };

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
