import { CredentialsError } from "./errors.js";

/** 2000-01-01 and 2200-01-01 in Unix seconds: any real credential expiry lies between. */
const EARLIEST_S = 946_684_800;
const LATEST_S = 7_258_118_400;

/**
 * `ExpiredTime` (Unix seconds) as a Date. A value in milliseconds (as some metadata proxies answer)
 * is recognised by its size and normalised; anything else outside 2000–2200 is rejected, so a wrong
 * unit can never cache credentials until the year 58888. The error names the field, not the value.
 */
export function expiryFromUnixSeconds(value: number, where: string): Date {
  if (value >= EARLIEST_S && value <= LATEST_S) return new Date(value * 1000);
  if (value >= EARLIEST_S * 1000 && value <= LATEST_S * 1000) return new Date(value);
  throw new CredentialsError(`${where}: ExpiredTime is not a plausible Unix time in seconds`);
}
