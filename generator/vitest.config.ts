import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup-nock.ts"],
    // Golden and fixture outputs are data, never tests. Corpus tests read ../shared, which a clone
    // elsewhere does not have: they run in `npm run test:corpus` (vitest.corpus.config.ts).
    exclude: ["**/node_modules/**", "test/**/golden/**", "test/fixtures/**", "test/**/*.corpus.test.ts"],
    // Two cores here: importer tests stage files on disk, so keep the pool small.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // CI runs every workspace's tests at once on 2 cores; a whole-service import or generation can
    // take several seconds there. These are hang guards, not speed checks (speed lives in bench/).
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
