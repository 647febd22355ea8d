import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Scoped to scripts/ so running it from the repository root never picks up the workspaces' own suites.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: [
      "release/test/**/*.test.ts",
      "publish-e2e/test/**/*.test.ts",
      "docs/test/**/*.test.ts",
      "facts/test/**/*.test.ts",
    ],
    // Each test builds throwaway git repositories; git is slower than the default timeout allows on 2 cores.
    testTimeout: 30_000,
  },
});
