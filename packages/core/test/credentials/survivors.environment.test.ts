// The real-world defaults of `environment.ts` (home directory, disk, clock) that every other credentials test
// injects away. The home directory is pointed at a temp dir through HOME, so nothing real is read.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resolveEnvironment } from "../../src/credentials/environment.js";
import { profileCredentials } from "../../src/credentials/index.js";
import { SECRET, tempDir } from "./helpers.js";

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  await dir.cleanup();
});

describe("credential environment defaults", () => {
  it("reads ~/.tencentcloud/credentials from the real home directory and disk when neither is injected", async () => {
    await dir.write(".tencentcloud/credentials", `[équipe]\nsecret_id = AKIDhome\nsecret_key = ${SECRET}\n`);
    vi.stubEnv("HOME", dir.root);
    const c = await profileCredentials({ env: {}, profile: "équipe" })();
    expect([c.secretId, c.secretKey]).toEqual(["AKIDhome", SECRET]);
  });

  it("reads files as UTF-8 text", async () => {
    const path = await dir.write("f.txt", "héllo");
    expect(await resolveEnvironment().readFile(path)).toBe("héllo");
  });

  it("tells time by the process clock when no clock is injected", () => {
    vi.useFakeTimers({ now: Date.UTC(2031, 4, 6) });
    expect(resolveEnvironment().now()).toBe(Date.UTC(2031, 4, 6));
  });
});
