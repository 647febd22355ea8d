import { sealCredentials } from "./sealed.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Temporary credentials are replaced at most this long before `expiresAt`, so no request is signed with a key about to lapse. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;
/** Share of a short lifetime to refresh ahead by: credentials living 4 minutes are refreshed after 3. */
export const REFRESH_LIFETIME_FRACTION = 0.25;
/**
 * The provider is called at most once per this interval: with a lifetime under the refresh window or
 * a local clock ahead of the issuer's, credentials would otherwise look stale on every call.
 */
export const MIN_REFRESH_INTERVAL_MS = 10_000;

/** Options of {@link cachedProvider}. */
export interface CacheOptions {
  /** Clock in ms since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** Largest margin before `expiresAt` to refresh at, default {@link REFRESH_BEFORE_EXPIRY_MS}. */
  readonly refreshBeforeMs?: number;
  /** Least time between two calls of the source, default {@link MIN_REFRESH_INTERVAL_MS}. */
  readonly minRefreshIntervalMs?: number;
  /** Names the source in validation errors, e.g. `CVM instance role`. */
  readonly origin?: string;
}

/**
 * Wraps a provider so it is called only when needed: credentials without `expiresAt` are kept for
 * good; temporary ones are refreshed ahead of expiry by `refreshBeforeMs` or, for short lifetimes, a
 * quarter of the lifetime, and never more than once per `minRefreshIntervalMs` (a floor that also
 * holds when the local clock is ahead). Concurrent callers share one in-flight refresh. A failed
 * refresh is not cached: the next call tries again, and while the previous credentials have not
 * actually expired they are still returned.
 */
export function cachedProvider(source: CredentialProvider, options: CacheOptions = {}): CredentialProvider {
  const now = options.now ?? Date.now;
  const refreshBeforeMs = options.refreshBeforeMs ?? REFRESH_BEFORE_EXPIRY_MS;
  const minIntervalMs = options.minRefreshIntervalMs ?? MIN_REFRESH_INTERVAL_MS;
  const origin = options.origin ?? "credential provider";
  let current: Credentials | undefined;
  /** When `current` should be replaced, fixed when it arrives. */
  let refreshAt = Number.POSITIVE_INFINITY;
  /** When the source was last called successfully. */
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let inflight: Promise<Credentials> | undefined;

  const fresh = (): boolean => now() < refreshAt || now() - fetchedAt < minIntervalMs;
  const usable = (c: Credentials): boolean => c.expiresAt === undefined || c.expiresAt.getTime() > now();

  const accept = (value: Credentials): Credentials => {
    const sealed = sealCredentials(value, origin);
    const at = now();
    fetchedAt = at;
    if (sealed.expiresAt === undefined) {
      refreshAt = Number.POSITIVE_INFINITY;
    } else {
      const expiry = sealed.expiresAt.getTime();
      refreshAt = expiry - Math.min(refreshBeforeMs, Math.max(0, expiry - at) * REFRESH_LIFETIME_FRACTION);
    }
    current = sealed;
    return sealed;
  };

  const refresh = (): Promise<Credentials> => {
    const previous = current;
    inflight ??= Promise.resolve()
      .then(source)
      .then(accept)
      .finally(() => {
        inflight = undefined;
      });
    return inflight.catch((error: unknown) => {
      if (previous !== undefined && usable(previous)) return previous;
      throw error;
    });
  };

  return () => (current !== undefined && fresh() ? Promise.resolve(current) : refresh());
}
