import { CredentialsError } from "./errors.js";
import { expiryFromUnixSeconds } from "./expiry.js";
import type { Credentials } from "./types.js";

/** Fields of the temporary keys the CVM metadata service and STS return, under the same names. */
const KEY_FIELDS = ["TmpSecretId", "TmpSecretKey", "Token"] as const;

/** `value` when it is an object, else an empty one, so a wrong shape reads as missing fields. */
export function fieldsOf(value: unknown): Record<string, unknown> {
  return (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
}

/**
 * Reads `{TmpSecretId, TmpSecretKey, Token}` from `keys` (named `<keysPath><field>` in errors) and the
 * Unix time `expiredTime` (a bigint from the big-number JSON parser is accepted). Errors name the
 * fields that are wrong, never their values; `hint` is appended to the "lacks" error.
 */
export function readTemporaryKeys(
  keys: unknown,
  expiredTime: unknown,
  where: string,
  keysPath: string,
  hint = "",
): Credentials {
  const k = fieldsOf(keys);
  const missing = KEY_FIELDS.filter((f) => typeof k[f] !== "string" || k[f] === "").map((f) => keysPath + f);
  const expiry = typeof expiredTime === "bigint" ? Number(expiredTime) : expiredTime;
  if (typeof expiry !== "number" || !Number.isFinite(expiry)) missing.push("ExpiredTime");
  if (missing.length > 0) throw new CredentialsError(`${where}: response lacks ${missing.join(", ")}${hint}`);
  return {
    secretId: k.TmpSecretId as string,
    secretKey: k.TmpSecretKey as string,
    token: k.Token as string,
    expiresAt: expiryFromUnixSeconds(expiry as number, where),
  };
}
