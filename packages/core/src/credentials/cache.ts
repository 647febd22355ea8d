import { sealCredentials } from "./sealed.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Temporary credentials are replaced this long before `expiresAt`, so no request is signed with a key about to lapse. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

/** Options of {@link cachedProvider}. */
export interface CacheOptions {
  /** Clock in ms since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** How long before `expiresAt` to refresh, default {@link REFRESH_BEFORE_EXPIRY_MS}. */
  readonly refreshBeforeMs?: number;
  /** Names the source in validation errors, e.g. `CVM instance role`. */
  readonly origin?: string;
}

/**
 * Wraps a provider so it is called only when needed: credentials without `expiresAt` are kept for
 * good; temporary ones are refreshed once `refreshBeforeMs` before expiry. Concurrent callers share one
 * in-flight refresh. A failed refresh is not cached: the next call tries again, and while the previous
 * credentials have not actually expired they are still returned.
 */
export function cachedProvider(source: CredentialProvider, options: CacheOptions = {}): CredentialProvider {
  const now = options.now ?? Date.now;
  const refreshBeforeMs = options.refreshBeforeMs ?? REFRESH_BEFORE_EXPIRY_MS;
  const origin = options.origin ?? "credential provider";
  let current: Credentials | undefined;
  let inflight: Promise<Credentials> | undefined;

  const fresh = (c: Credentials): boolean =>
    c.expiresAt === undefined || c.expiresAt.getTime() - refreshBeforeMs > now();
  const usable = (c: Credentials): boolean => c.expiresAt === undefined || c.expiresAt.getTime() > now();

  const refresh = (): Promise<Credentials> => {
    const previous = current;
    inflight ??= Promise.resolve()
      .then(source)
      .then((value) => (current = sealCredentials(value, origin)))
      .finally(() => {
        inflight = undefined;
      });
    return inflight.catch((error: unknown) => {
      if (previous !== undefined && usable(previous)) return previous;
      throw error;
    });
  };

  return () => (current !== undefined && fresh(current) ? Promise.resolve(current) : refresh());
}
