import { defineConfig } from "vitest/config";

// Unit tests: no Redis server needed. The tests against a real redis-server are in vitest.system.config.ts
// (`npm run test:system`), which `.ci/run` runs after installing the Debian package.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], exclude: ["test/system/**"], testTimeout: 20_000 },
});
