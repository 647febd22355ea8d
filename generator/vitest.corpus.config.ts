import { defineConfig } from "vitest/config";

/**
 * `npm run test:corpus`: the tests that need ../shared (the real 2019 Redis pages, the drift of the
 * committed specs against a fresh import of ../shared/reference). `.ci/run` runs it after `npm test`.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.corpus.test.ts"],
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
