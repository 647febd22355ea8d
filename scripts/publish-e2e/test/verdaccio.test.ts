import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { Scratch } from "../scratch.js";
import { startVerdaccio } from "../verdaccio.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
let scratch: Scratch | undefined;

afterEach(() => {
  scratch?.remove();
});

describe("startVerdaccio", () => {
  it("serves on 127.0.0.1 without uplinks and is gone after stop()", async () => {
    scratch = new Scratch("tc-verdaccio-test-");
    const registry = await startVerdaccio(root, scratch.path("registry"));
    try {
      expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect((await fetch(`${registry.url}-/ping`)).ok).toBe(true);
      // No uplinks: a public package is not proxied from npmjs.
      expect((await fetch(`${registry.url}ini`)).status).toBe(404);
    } finally {
      await registry.stop();
    }
    expect(() => process.kill(registry.pid, 0)).toThrow(/ESRCH/);
    await registry.stop();
    expect(path.basename(scratch.dir)).toMatch(/^tc-verdaccio-test-/);
  });
});
