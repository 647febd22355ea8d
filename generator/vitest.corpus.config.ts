import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * `npm run test:corpus`: the tests that need ../shared (the real 2019 Redis pages, the drift of the
 * committed specs against a fresh import of ../shared/reference). `.ci/run` runs it after `npm test`.
 */
export default mergeConfig(base, defineConfig({
  test: {
    include: ["test/**/*.corpus.test.ts"],
    exclude: ["**/node_modules/**", "test/**/golden/**", "test/fixtures/**"],
  },
}));
