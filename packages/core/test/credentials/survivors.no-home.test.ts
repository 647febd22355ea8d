// A container user without a passwd entry: `os.homedir()` throws. Module-mocked in its own file so no other
// test sees the throwing home directory.
import { describe, expect, it, vi } from "vitest";
import { profileCredentials } from "../../src/credentials/index.js";

vi.mock("node:os", async (importOriginal) => {
  const os = await importOriginal<typeof import("node:os")>();
  return {
    ...os,
    homedir: () => {
      throw Object.assign(new Error("uv_os_homedir returned ENOENT"), { code: "ERR_SYSTEM_ERROR" });
    },
  };
});

describe("profileCredentials without a home directory", () => {
  it("falls back to the system file when the home directory cannot be determined", async () => {
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
