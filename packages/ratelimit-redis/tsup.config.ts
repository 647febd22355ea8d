import { defineConfig, type Options } from "tsup";

const common: Options = { entry: { index: "src/index.ts" }, target: "node20", platform: "node", treeshake: true };

// tsup runs the two builds in parallel, so neither cleans dist/: scripts/build.mjs does, before them.
export default defineConfig([
  { ...common, format: "esm" },
  // CommonJS for `require`. The declarations (.d.cts) come from here; scripts/build.mjs points the .d.ts at them.
  { ...common, format: "cjs", dts: true },
]);
