import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The browser and server tests of `npm run test:system`; never part of `npm test`.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["**/*.test.ts"],
    // Chromium starts in seconds, and crawling every page of the site takes about a minute on 2 cores.
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
