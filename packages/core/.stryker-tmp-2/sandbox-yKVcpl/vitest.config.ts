// @ts-nocheck
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Transport tests open real sockets on 127.0.0.1; nock tests must not leak interceptors between files.
    isolate: true,
    testTimeout: 20_000,
  },
});
