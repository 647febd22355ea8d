import { defineConfig } from "vitest/config";

// Needs `redis-server` on PATH (Debian: apt-get install redis-server). Each test file starts and stops its own.
export default defineConfig({
  test: { include: ["test/system/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 60_000, fileParallelism: false },
});
