import { fieldsOf, readTemporaryKeys } from "./temporary-keys.js";
import type { Credentials } from "./types.js";

/** STS API version used for AssumeRole and AssumeRoleWithWebIdentity. */
export const STS_VERSION = "2018-08-13";
/** STS rejects calls without a region; this one is what other Tencent Cloud SDKs default to. */
export const STS_DEFAULT_REGION = "ap-guangzhou";
/** STS's public host. */
export const STS_ENDPOINT = "sts.tencentcloudapi.com";
/** STS's own default session length. */
export const STS_DEFAULT_DURATION_SECONDS = 7200;

/**
 * Longest role session STS grants: "Maximum value: 43,200s", in the `DurationSeconds` description of
 * `AssumeRoleRequest` and `AssumeRoleWithWebIdentityRequest` (sts 2018-08-13 API reference). A longer
 * one is refused with `InvalidParameter.OverTimeError` ("The expiration time exceeds the threshold").
 */
export const STS_MAX_DURATION_SECONDS = 43_200;

/**
 * Why `durationSeconds` cannot be sent to STS, or `undefined` when it can. The reference states a
 * default and a maximum but no minimum, so any whole positive number up to the maximum is accepted:
 * the refresh schedule (a quarter of the lifetime when that is under 5 minutes) copes with short ones.
 */
export function durationProblem(durationSeconds: number): string | undefined {
  if (Number.isInteger(durationSeconds) && durationSeconds >= 1 && durationSeconds <= STS_MAX_DURATION_SECONDS)
    return undefined;
  return `durationSeconds must be a whole number of seconds from 1 to ${STS_MAX_DURATION_SECONDS} (STS's maximum), got ${durationSeconds}`;
}

/** Session names STS accepts: 2-64 of letters, digits and `+=,.@_-`. */
export const ROLE_SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** A session name unique enough to tell sessions apart in CloudAudit. */
export function defaultSessionName(now: () => number): string {
  return `tc-sdk-${now()}`;
}

/**
 * Reads `{Credentials: {TmpSecretId, TmpSecretKey, Token}, ExpiredTime}` from an STS response.
 * Errors name the fields that are wrong, never their values.
 */
export function parseStsCredentials(response: unknown, where: string): Credentials {
  const r = fieldsOf(response);
  return readTemporaryKeys(r.Credentials, r.ExpiredTime, where, "Credentials.");
}
