// Behaviours of `profile.ts`, `env.ts` and `environment.ts` that mutation testing showed no other test pinned down.
import { describe, expect, it } from "vitest";
import { envCredentials, isCredentialsError, profileCredentials } from "../../src/credentials/index.js";
import { rejection, SECRET } from "./helpers.js";

const HOME_FILE = "/home/dev/.tencentcloud/credentials";
const ETC_FILE = "/etc/tencentcloud/credentials";
const enoent = () => Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });

/** An in-memory disk: path → text; any other path does not exist. Records the paths read. */
function disk(files: Record<string, string>) {
  const reads: string[] = [];
  const readFile = async (path: string): Promise<string> => {
    reads.push(path);
    const text = files[path];
    if (text === undefined) throw enoent();
    return text;
  };
  return { readFile, reads };
}

const KEYS = "secret_id = AKIDfile\nsecret_key = k\n";

describe("profileCredentials edge cases", () => {
  it("moves on to the system file when the home file lacks the profile, recording why", async () => {
    const d = disk({ [HOME_FILE]: `[other]\n${KEYS}`, [ETC_FILE]: `[default]\n${KEYS}` });
    const c = await profileCredentials({ env: {}, homedir: "/home/dev", readFile: d.readFile })();
    expect(c.secretId).toBe("AKIDfile");
    expect(d.reads).toEqual([HOME_FILE, ETC_FILE]);
  });

  it("reports itself missing with why each file gave nothing", async () => {
    const d = disk({ [HOME_FILE]: `[other]\n${KEYS}` });
    const error = await rejection(profileCredentials({ env: {}, homedir: "/home/dev", readFile: d.readFile })());
    expect(error.message).toBe("No credentials profile [default] found");
    expect(isCredentialsError(error) && error.missing).toBe(true);
    expect(isCredentialsError(error) && error.sources).toEqual([
      { source: `profile file ${HOME_FILE}`, detail: "no [default] section" },
      { source: `profile file ${ETC_FILE}`, detail: "not found" },
    ]);
  });

  it("reads only the system file when the home directory is empty", async () => {
    const d = disk({ [ETC_FILE]: `[default]\n${KEYS}` });
    const c = await profileCredentials({ env: {}, homedir: "", readFile: d.readFile })();
    expect(c.secretId).toBe("AKIDfile");
    expect(d.reads).toEqual([ETC_FILE]);
  });

  it("names a chosen file lacking the default profile without claiming a profile was chosen", async () => {
    const d = disk({ "/cfg/creds": `[other]\n${KEYS}` });
    const error = await rejection(
      profileCredentials({ env: { TENCENTCLOUD_CREDENTIALS_FILE: "/cfg/creds" }, readFile: d.readFile })(),
    );
    expect(error.message).toBe("Profile [default] not found in credentials file /cfg/creds");
    expect(isCredentialsError(error) && error.missing).toBe(false);
  });

  it("says a profile option chose the missing profile", async () => {
    const d = disk({ [HOME_FILE]: `[default]\n${KEYS}` });
    const error = await rejection(
      profileCredentials({ env: {}, homedir: "/home/dev", readFile: d.readFile, profile: "qa" })(),
    );
    expect(error.message).toBe(`Profile [qa] not found in credentials file ${HOME_FILE} (chosen by profile option)`);
  });

  it("says a missing filepath option does not exist, naming the option", async () => {
    const error = await rejection(profileCredentials({ env: {}, filepath: "/nope", readFile: disk({}).readFile })());
    expect(error.message).toBe("Credentials file /nope (from filepath option) does not exist");
    expect(isCredentialsError(error) && error.missing).toBe(false);
  });

  it("treats a missing directory on the path (ENOTDIR) as a missing file", async () => {
    const error = await rejection(
      profileCredentials({
        env: {},
        filepath: "/file/creds",
        readFile: () => Promise.reject(Object.assign(new Error("ENOTDIR"), { code: "ENOTDIR" })),
      })(),
    );
    expect(error.message).toBe("Credentials file /file/creds (from filepath option) does not exist");
  });

  it("names an unreadable file's failure 'unknown error' when it has no code", async () => {
    const error = await rejection(
      profileCredentials({ env: {}, filepath: "/f", readFile: () => Promise.reject(new Error("odd")) })(),
    );
    expect(error.message).toBe("Credentials file /f (from filepath option) cannot be read (unknown error)");
  });

  it("finds a dotted profile only through sections, never through plain values or arrays", async () => {
    const text = `flat = x\nlist[] = 1\n[team.prod]\n${KEYS}[solo]\nnested = x\n`;
    const read = (profile: string) =>
      profileCredentials({ env: {}, filepath: "/f", profile, readFile: disk({ "/f": text }).readFile })();
    expect((await read("team.prod")).secretId).toBe("AKIDfile");
    for (const profile of ["flat", "list", "solo.nested", "team.prod.secret_id", "toString", "missing.part"]) {
      const error = await rejection(read(profile));
      expect(error.message).toBe(`Profile [${profile}] not found in credentials file /f (chosen by profile option)`);
    }
  });

  it("rejects keys that are not plain strings, and an empty required key", async () => {
    const text = "[default]\nsecret_id = true\nsecret_key =\ntoken[] = a\n";
    const error = await rejection(
      profileCredentials({ env: {}, filepath: "/f", readFile: disk({ "/f": text }).readFile })(),
    );
    expect(error.message).toBe(
      "Credentials file /f, profile [default]: secret_id is not a plain string value; secret_key is missing; " +
        "token is not a plain string value",
    );
  });

  it("rejects a profile whose only problem is its token", async () => {
    const text = `[default]\n${KEYS}token = true\n`;
    const error = await rejection(
      profileCredentials({ env: {}, filepath: "/f", readFile: disk({ "/f": text }).readFile })(),
    );
    expect(error.message).toBe("Credentials file /f, profile [default]: token is not a plain string value");
  });

  it("treats an empty token as none", async () => {
    const text = `[default]\n${KEYS}token =\n`;
    const c = await profileCredentials({ env: {}, filepath: "/f", readFile: disk({ "/f": text }).readFile })();
    expect("token" in c).toBe(false);
  });
});

describe("profileCredentials edge cases found by the second mutation pass", () => {
  const read = (text: string, profile?: string) =>
    profileCredentials({
      env: {},
      filepath: "/f",
      readFile: disk({ "/f": text }).readFile,
      ...(profile === undefined ? {} : { profile }),
    })();

  it("keeps the read failure of a chosen file as the cause", async () => {
    const failure = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    const error = await rejection(
      profileCredentials({ env: {}, filepath: "/f", readFile: () => Promise.reject(failure) })(),
    );
    expect(error.message).toBe("Credentials file /f (from filepath option) cannot be read (EACCES)");
    expect(error.cause).toBe(failure);
  });

  it("names a read that rejects with null or undefined an unreadable file, not a crash", async () => {
    for (const reason of [null, undefined]) {
      const error = await rejection(
        profileCredentials({ env: {}, filepath: "/f", readFile: () => Promise.reject(reason) })(),
      );
      expect(isCredentialsError(error)).toBe(true);
      expect(error.message).toBe("Credentials file /f (from filepath option) cannot be read (unknown error)");
    }
  });

  it("names the profile and file when a key cannot travel in a header", async () => {
    const error = await rejection(read("[default]\nsecret_id = AKID x\nsecret_key = k\n"));
    expect(error.message).toBe(
      "Invalid credentials from profile [default] in /f: secretId holds whitespace or control characters",
    );
  });

  it("finds a section whose name has an escaped dot", async () => {
    expect((await read(`[team\\.prod]\n${KEYS}`, "team.prod")).secretId).toBe("AKIDfile");
  });

  it("does not take a null value for a section", async () => {
    for (const profile of ["nul", "grp.nul"]) {
      const error = await rejection(read(`nul = null\n[grp]\nnul = null\n`, profile));
      expect(error.message).toBe(`Profile [${profile}] not found in credentials file /f (chosen by profile option)`);
    }
  });

  it("says a missing secret_id is missing", async () => {
    const error = await rejection(read("[default]\nsecret_key = k\n"));
    expect(error.message).toBe("Credentials file /f, profile [default]: secret_id is missing");
  });
});

describe("envCredentials edge cases", () => {
  it("names the unset key when only the id is set", async () => {
    const error = await rejection(envCredentials({ env: { TENCENTCLOUD_SECRET_ID: "AKID" } })());
    expect(error.message).toBe("TENCENTCLOUD_SECRET_ID is set but TENCENTCLOUD_SECRET_KEY is not; set both or neither");
  });

  it("trims the variables and treats whitespace-only as unset", async () => {
    const c = await envCredentials({
      env: {
        TENCENTCLOUD_SECRET_ID: "  AKIDenv \n",
        TENCENTCLOUD_SECRET_KEY: ` ${SECRET} `,
        TENCENTCLOUD_SESSION_TOKEN: "  ",
      },
    })();
    expect([c.secretId, c.secretKey, "token" in c]).toEqual(["AKIDenv", SECRET, false]);
    const error = await rejection(
      envCredentials({ env: { TENCENTCLOUD_SECRET_ID: " ", TENCENTCLOUD_SECRET_KEY: "\t" } })(),
    );
    expect(isCredentialsError(error) && error.missing).toBe(true);
  });
});
