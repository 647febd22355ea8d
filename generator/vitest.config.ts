import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Golden and fixture outputs are data, never tests.
    exclude: ["**/node_modules/**", "test/**/golden/**", "test/fixtures/**"],
    // Two cores here: importer tests stage files on disk, so keep the pool small.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
