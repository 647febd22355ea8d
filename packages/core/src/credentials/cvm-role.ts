import { cachedProvider } from "./cache.js";
import { type CredentialEnvironment, resolveEnvironment } from "./environment.js";
import { CredentialsError, missingSource } from "./errors.js";
import { fetchFailureCode } from "./http.js";
import { fieldsOf, readTemporaryKeys } from "./temporary-keys.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Lists the CAM role bound to a CVM instance; append the role name for its temporary keys. */
export const CVM_METADATA_URL = "http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/";
/** Off a CVM the metadata host does not answer; a short budget keeps the chain from stalling there. */
export const CVM_METADATA_TIMEOUT_MS = 1000;

/** Options of {@link cvmRoleCredentials}. */
export interface CvmRoleCredentialsOptions extends CredentialEnvironment {
  /** Metadata base URL ending in `/`, default {@link CVM_METADATA_URL}. */
  readonly endpoint?: string;
  /** Budget per metadata request in ms, default {@link CVM_METADATA_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Role to use; by default the one the metadata service lists. */
  readonly roleName?: string;
}

/** CAM role names: letters, digits and `+=,.@_-`. Anything else means the answer is not a role list. */
const ROLE_NAME = /^[\w+=,.@-]{1,128}$/;

/**
 * Temporary credentials of the CAM role bound to the CVM instance, from the instance metadata
 * service, cached and refreshed 5 minutes before they expire. Not on a CVM (host unreachable or
 * timing out) or no role bound: "missing", so a chain moves on.
 */
export function cvmRoleCredentials(options: CvmRoleCredentialsOptions = {}): CredentialProvider {
  const environment = resolveEnvironment(options);
  const base = options.endpoint ?? CVM_METADATA_URL;
  const timeoutMs = options.timeoutMs ?? CVM_METADATA_TIMEOUT_MS;
  const where = `CVM instance role (${base})`;

  const get = async (url: string, unreachableIsMissing: boolean) => {
    try {
      return await environment.fetch({ url, method: "GET", timeoutMs });
    } catch (error) {
      const code = fetchFailureCode(error);
      if (unreachableIsMissing) throw missingSource(where, `unreachable (${code})`);
      throw new CredentialsError(`${where}: request failed (${code})`, { cause: error });
    }
  };

  const fetchRole = async (): Promise<string> => {
    const listed = await get(base, true);
    if (listed.status === 404) throw missingSource(where, "no CAM role bound to this instance");
    if (listed.status !== 200) throw new CredentialsError(`${where}: role list returned HTTP ${listed.status}`);
    const role = listed.body
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== "");
    if (role === undefined) throw missingSource(where, "no CAM role bound to this instance");
    if (!ROLE_NAME.test(role)) throw new CredentialsError(`${where}: role list is not a CAM role name`);
    return role;
  };

  const fetchCredentials = async (): Promise<Credentials> => {
    const role = options.roleName ?? (await fetchRole());
    const res = await get(base + encodeURIComponent(role), options.roleName !== undefined);
    if (res.status !== 200)
      throw new CredentialsError(`${where}: credentials of role ${role} returned HTTP ${res.status}`);
    return parseRoleCredentials(res.body, `${where}, role ${role}`);
  };

  return cachedProvider(fetchCredentials, { now: environment.now, origin: where });
}

/** Reads `{TmpSecretId, TmpSecretKey, Token, ExpiredTime}`. Errors name fields, never values. */
function parseRoleCredentials(body: string, where: string): Credentials {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    // No cause: JSON.parse messages quote the body, which may hold a secret.
    throw new CredentialsError(`${where}: response is not JSON`);
  }
  const d = fieldsOf(data);
  const code =
    typeof d.Code === "string" && d.Code !== "Success" ? ` (Code ${JSON.stringify(d.Code.slice(0, 64))})` : "";
  return readTemporaryKeys(d, d.ExpiredTime, where, "", code);
}
