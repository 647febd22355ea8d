import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isCredentialsError, type ProfileCredentialsOptions, profileCredentials } from "../../src/credentials/index.js";
import { rejection, SECRET, TOKEN, tempDir } from "./helpers.js";

const FILE = `; shared with tccli
[default]
secret_id = AKIDdefault
secret_key = ${SECRET}

[prod]
secret_id=AKIDprod
secret_key = "${SECRET}=="
token = ${TOKEN}

[hashed]
secret_id = AKIDhashed
secret_key = "abc#def;ghi"

[team.staging]
secret_id = AKIDstaging
secret_key = ${SECRET}

[broken]
secret_id = AKIDbroken
token
`;

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.cleanup());

/** Options that see only the temp dir: no real home, no real /etc. */
function hermetic(extra: Partial<ProfileCredentialsOptions> & { etc?: string } = {}): ProfileCredentialsOptions {
  const { etc, ...rest } = extra;
  return {
    env: {},
    homedir: dir.root,
    readFile: async (path) => {
      if (path === "/etc/tencentcloud/credentials") {
        if (etc === undefined) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
        path = etc;
      }
      return readFile(path, "utf8");
    },
    ...rest,
  };
}

describe("profileCredentials", () => {
  it("reads [default] from ~/.tencentcloud/credentials", async () => {
    await dir.write(".tencentcloud/credentials", FILE);
    const c = await profileCredentials(hermetic())();
    expect([c.secretId, c.secretKey, "token" in c]).toEqual(["AKIDdefault", SECRET, false]);
  });

  it("reads a named profile chosen by option, with quoted values and a token", async () => {
    await dir.write(".tencentcloud/credentials", FILE);
    const c = await profileCredentials(hermetic({ profile: "prod" }))();
    expect([c.secretId, c.secretKey, c.token]).toEqual(["AKIDprod", `${SECRET}==`, TOKEN]);
  });

  it("keeps ; and # inside a quoted value", async () => {
    await dir.write(".tencentcloud/credentials", FILE);
    const c = await profileCredentials(hermetic({ profile: "hashed" }))();
    expect(c.secretKey).toBe("abc#def;ghi");
  });

  it("reads the profile named by TENCENTCLOUD_PROFILE, dotted names included", async () => {
    await dir.write(".tencentcloud/credentials", FILE);
    const c = await profileCredentials(hermetic({ env: { TENCENTCLOUD_PROFILE: "team.staging" } }))();
    expect(c.secretId).toBe("AKIDstaging");
  });

  it("prefers TENCENTCLOUD_CREDENTIALS_FILE over the home file", async () => {
    await dir.write(".tencentcloud/credentials", FILE);
    const other = await dir.write("elsewhere.ini", `[default]\nsecret_id = AKIDother\nsecret_key = k\n`);
    const c = await profileCredentials(hermetic({ env: { TENCENTCLOUD_CREDENTIALS_FILE: other } }))();
    expect(c.secretId).toBe("AKIDother");
  });

  it("falls back to /etc/tencentcloud/credentials when the home file is absent", async () => {
    const etc = await dir.write("etc.ini", `[default]\nsecret_id = AKIDetc\nsecret_key = k\n`);
    const c = await profileCredentials(hermetic({ etc }))();
    expect(c.secretId).toBe("AKIDetc");
  });

  it("reports itself missing, listing both files, when neither exists", async () => {
    const error = await rejection(profileCredentials(hermetic())());
    expect(isCredentialsError(error) && error.missing).toBe(true);
    expect(isCredentialsError(error) && error.sources).toEqual([
      { source: `profile file ${dir.root}/.tencentcloud/credentials`, detail: "not found" },
      { source: "profile file /etc/tencentcloud/credentials", detail: "not found" },
    ]);
  });

  it("names the file and profile when a chosen profile does not exist", async () => {
    await dir.write(".tencentcloud/credentials", FILE);
    const error = await rejection(profileCredentials(hermetic({ env: { TENCENTCLOUD_PROFILE: "qa" } }))());
    expect(error.message).toBe(
      `Profile [qa] not found in credentials file ${dir.root}/.tencentcloud/credentials (chosen by TENCENTCLOUD_PROFILE)`,
    );
    expect(isCredentialsError(error) && error.missing).toBe(false);
  });

  it("names the file, profile and every missing or malformed key", async () => {
    const path = await dir.write(".tencentcloud/credentials", FILE);
    const error = await rejection(profileCredentials(hermetic({ profile: "broken" }))());
    expect(error.message).toBe(
      `Credentials file ${path}, profile [broken]: secret_key is missing; token is not a plain string value`,
    );
  });

  it("stops when TENCENTCLOUD_CREDENTIALS_FILE points nowhere instead of silently using another file", async () => {
    await dir.write(".tencentcloud/credentials", FILE);
    const missing = `${dir.root}/nope.ini`;
    const error = await rejection(profileCredentials(hermetic({ env: { TENCENTCLOUD_CREDENTIALS_FILE: missing } }))());
    expect(error.message).toBe(`Credentials file ${missing} (from TENCENTCLOUD_CREDENTIALS_FILE) does not exist`);
  });

  it("reports an unreadable file with its error code", async () => {
    const error = await rejection(
      profileCredentials({
        ...hermetic({ filepath: "/secure/creds" }),
        readFile: async () => {
          throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
        },
      })(),
    );
    expect(error.message).toBe("Credentials file /secure/creds (from filepath option) cannot be read (EACCES)");
  });

  it("never puts file contents into errors", async () => {
    await dir.write(".tencentcloud/credentials", `[default]\nsecret_key = ${SECRET}\ntoken = ${TOKEN}\n`);
    const error = await rejection(profileCredentials(hermetic())());
    expect(JSON.stringify(error) + String(error)).not.toMatch(/CANARY/);
  });

  it("loads the CommonJS `ini` package only once a credentials file is read, not when the client is imported", async () => {
    const file = await dir.write("credentials", "[default]\nsecret_id = AKIDlazy\nsecret_key = k\n");
    // A fresh process: the module cache of this test run says nothing about what importing core costs.
    const script = `
      import { createRequire } from "node:module";
      const cache = createRequire(import.meta.url).cache;
      const iniLoaded = () => Object.keys(cache).some((p) => /[\\\\/]node_modules[\\\\/]ini[\\\\/]/.test(p));
      await import(${JSON.stringify(fileURLToPath(new URL("../../src/index.ts", import.meta.url)))});
      const core = await import(${JSON.stringify(fileURLToPath(new URL("../../src/credentials/index.ts", import.meta.url)))});
      const atImport = iniLoaded();
      const { secretId } = await core.profileCredentials({ filepath: ${JSON.stringify(file)}, env: {} })();
      console.log(JSON.stringify({ atImport, afterRead: iniLoaded(), secretId }));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        cwd: fileURLToPath(new URL("../..", import.meta.url)),
      },
    );
    expect(JSON.parse(stdout)).toEqual({ atImport: false, afterRead: true, secretId: "AKIDlazy" });
  }, 90_000);
});
