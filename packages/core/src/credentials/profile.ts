import { join } from "node:path";
import { type CredentialEnvironment, envValue, isNotFound, resolveEnvironment } from "./environment.js";
import { type CredentialSourceReport, CredentialsError } from "./errors.js";
import { sealCredentials } from "./sealed.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Environment variable naming the credentials file to read instead of the default lookup. */
export const ENV_CREDENTIALS_FILE = "TENCENTCLOUD_CREDENTIALS_FILE";
/** Environment variable naming the profile (INI section) to read. */
export const ENV_PROFILE = "TENCENTCLOUD_PROFILE";
/** Machine-wide fallback after `~/.tencentcloud/credentials`. */
export const SYSTEM_CREDENTIALS_FILE = "/etc/tencentcloud/credentials";

/** Options of {@link profileCredentials}. */
export interface ProfileCredentialsOptions extends CredentialEnvironment {
  /** INI section to read. Default: `TENCENTCLOUD_PROFILE`, else `default`. */
  readonly profile?: string;
  /** File to read instead of the lookup (`TENCENTCLOUD_CREDENTIALS_FILE`, `~/.tencentcloud/credentials`, `/etc/...`). */
  readonly filepath?: string;
}

type IniSection = Record<string, unknown>;

/**
 * Credentials from an INI file shared with the Tencent Cloud CLI and other SDKs:
 * ```ini
 * [default]
 * secret_id = AKID...
 * secret_key = ...
 * token = ...        ; optional
 * ```
 * The file is `filepath`, else `TENCENTCLOUD_CREDENTIALS_FILE`, else the first of
 * `~/.tencentcloud/credentials` and `/etc/tencentcloud/credentials` holding the profile.
 * Values follow the `ini` package: `;` or `#` starts a comment, so quote a value containing them.
 * Nothing configured: "missing", so a chain moves on. An explicitly chosen file or profile that does
 * not exist, or a profile lacking a key, is a configuration error naming the file and section.
 */
export function profileCredentials(options: ProfileCredentialsOptions = {}): CredentialProvider {
  return async () => {
    const environment = resolveEnvironment(options);
    const { env, readFile } = environment;
    const chosenProfile = options.profile ?? envValue(env, ENV_PROFILE);
    const profile = chosenProfile ?? "default";
    const chosenFile = options.filepath ?? envValue(env, ENV_CREDENTIALS_FILE);
    const files = chosenFile !== undefined ? [chosenFile] : defaultFiles(environment.homedir);
    const sources: CredentialSourceReport[] = [];

    for (const file of files) {
      let text: string;
      try {
        text = await readFile(file);
      } catch (error) {
        if (isNotFound(error) && chosenFile === undefined) {
          sources.push({ source: `profile file ${file}`, detail: "not found" });
          continue;
        }
        const why = isNotFound(error) ? "does not exist" : `cannot be read (${errorCode(error)})`;
        const via = options.filepath !== undefined ? "filepath option" : ENV_CREDENTIALS_FILE;
        throw new CredentialsError(`Credentials file ${file} (from ${via}) ${why}`, { cause: error });
      }
      const section = findSection(await decodeIni(text), profile);
      if (section === undefined) {
        if (chosenProfile !== undefined || chosenFile !== undefined) {
          throw new CredentialsError(
            `Profile [${profile}] not found in credentials file ${file}` +
              (chosenProfile === undefined
                ? ""
                : ` (chosen by ${options.profile !== undefined ? "profile option" : ENV_PROFILE})`),
          );
        }
        sources.push({ source: `profile file ${file}`, detail: `no [${profile}] section` });
        continue;
      }
      return sealCredentials(readSection(section, file, profile), `profile [${profile}] in ${file}`);
    }
    throw new CredentialsError(`No credentials profile [${profile}] found`, { sources, missing: true });
  };
}

/**
 * `ini` is CommonJS: importing it from the ESM build at load costs every client start-up Node's CJS
 * interop (~13 ms), so it loads only when a credentials file is actually read.
 */
async function decodeIni(text: string): Promise<Record<string, unknown>> {
  const { decode } = await import("ini");
  return decode(text);
}

function defaultFiles(homedir: () => string): string[] {
  let home: string | undefined;
  try {
    home = homedir();
  } catch {
    // Containers without a passwd entry have no home; the system file still applies.
  }
  return home === undefined || home === ""
    ? [SYSTEM_CREDENTIALS_FILE]
    : [join(home, ".tencentcloud", "credentials"), SYSTEM_CREDENTIALS_FILE];
}

/** `ini` nests dotted section names (`[team.prod]` → `{team: {prod}}`), so walk them back. */
function findSection(parsed: Record<string, unknown>, profile: string): IniSection | undefined {
  const direct = Object.hasOwn(parsed, profile) ? parsed[profile] : undefined;
  if (isSection(direct)) return direct;
  let node: unknown = parsed;
  for (const part of profile.split(".")) {
    if (!isSection(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return isSection(node) ? node : undefined;
}

function isSection(value: unknown): value is IniSection {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readSection(section: IniSection, file: string, profile: string): Credentials {
  const problems: string[] = [];
  const text = (key: string, required: boolean): string | undefined => {
    const value = section[key];
    if (value === undefined || value === "") {
      if (required) problems.push(`${key} is missing`);
      return undefined;
    }
    if (typeof value !== "string") {
      problems.push(`${key} is not a plain string value`);
      return undefined;
    }
    return value;
  };
  const secretId = text("secret_id", true);
  const secretKey = text("secret_key", true);
  const token = text("token", false);
  if (secretId === undefined || secretKey === undefined || problems.length > 0) {
    throw new CredentialsError(`Credentials file ${file}, profile [${profile}]: ${problems.join("; ")}`);
  }
  return { secretId, secretKey, ...(token === undefined ? {} : { token }) };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "unknown error";
}
