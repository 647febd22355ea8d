// The real-world defaults of `environment.ts` (home directory, disk, clock) that every other credentials test
// injects away. `os.homedir` is module-mocked to a temp dir (or to throw, as for a container user without a
// passwd entry), so nothing real is read; stubbing HOME would not do, as worker threads keep their own env.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resolveEnvironment } from "../../src/credentials/environment.js";
import { profileCredentials } from "../../src/credentials/index.js";
import { SECRET, tempDir } from "./helpers.js";

const home = vi.hoisted(() => ({ dir: (): string => "" }));
vi.mock("node:os", async (importOriginal) => ({
  ...(await importOriginal<typeof import("node:os")>()),
  homedir: () => home.dir(),
}));

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
  home.dir = () => dir.root;
});
afterEach(async () => {
  vi.useRealTimers();
  await dir.cleanup();
});

describe("credential environment defaults", () => {
  it("reads ~/.tencentcloud/credentials from the home directory and disk when neither is injected", async () => {
    await dir.write(".tencentcloud/credentials", `[équipe]\nsecret_id = AKIDhome\nsecret_key = ${SECRET}\n`);
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

describe("profileCredentials without a home directory", () => {
  it("falls back to the system file when the home directory cannot be determined", async () => {
    home.dir = () => {
      throw Object.assign(new Error("uv_os_homedir returned ENOENT"), { code: "ERR_SYSTEM_ERROR" });
    };
    const reads: string[] = [];
    const c = await profileCredentials({
      env: {},
      readFile: async (path) => {
        reads.push(path);
        return "[default]\nsecret_id = AKIDetc\nsecret_key = k\n";
      },
    })();
    expect(c.secretId).toBe("AKIDetc");
    expect(reads).toEqual(["/etc/tencentcloud/credentials"]);
  });
});
