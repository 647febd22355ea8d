// @ts-nocheck
import { type CredentialEnvironment, envValue, resolveEnvironment } from "./environment.js";
import { CredentialsError, missingSource } from "./errors.js";
import { sealCredentials } from "./sealed.js";
import type { CredentialProvider } from "./types.js";

/** Environment variable holding the SecretId. */
export const ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID";
/** Environment variable holding the SecretKey. */
export const ENV_SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
/** Environment variable holding the session token of temporary keys. */
export const ENV_SESSION_TOKEN = "TENCENTCLOUD_SESSION_TOKEN";

/**
 * Credentials from `TENCENTCLOUD_SECRET_ID`, `TENCENTCLOUD_SECRET_KEY` and optional
 * `TENCENTCLOUD_SESSION_TOKEN`, read at each call. Neither id nor key set: "missing", so a chain moves
 * on. Only one of them set: a configuration error, because silently falling through to another
 * identity would be worse than stopping.
 */
export function envCredentials(options: Pick<CredentialEnvironment, "env"> = {}): CredentialProvider {
  return async () => {
    const { env } = resolveEnvironment(options);
    const secretId = envValue(env, ENV_SECRET_ID);
    const secretKey = envValue(env, ENV_SECRET_KEY);
    const token = envValue(env, ENV_SESSION_TOKEN);
    const where = `environment (${ENV_SECRET_ID}, ${ENV_SECRET_KEY})`;
    if (secretId === undefined && secretKey === undefined) throw missingSource(where, "not set");
    if (secretId === undefined || secretKey === undefined) {
      const [set, unset] = secretId === undefined ? [ENV_SECRET_KEY, ENV_SECRET_ID] : [ENV_SECRET_ID, ENV_SECRET_KEY];
      throw new CredentialsError(`${set} is set but ${unset} is not; set both or neither`);
    }
    return sealCredentials({ secretId, secretKey, ...(token === undefined ? {} : { token }) }, where);
  };
}
