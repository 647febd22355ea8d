import { cachedProvider } from "./cache.js";
import type { DefaultCredentialChainOptions } from "./chain.js";
import { CredentialsError } from "./errors.js";
import { lazyDefaultCredentialChain } from "./lazy-chain.js";
import { sealCredentials } from "./sealed.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Marks the providers {@link staticCredentials} makes, with the keys they always give. */
const FIXED = Symbol("fixed credentials");

/**
 * Fixed keys as a provider. Checked now, so a client constructed with an empty key fails at
 * construction rather than at its first call.
 */
export function staticCredentials(credentials: Credentials): CredentialProvider {
  const sealed = sealCredentials(credentials, "client option `credentials`");
  return Object.assign(() => Promise.resolve(sealed), { [FIXED]: sealed });
}

/**
 * The keys of a provider made by {@link staticCredentials}, else `undefined`: a client takes them as they
 * are, without waiting on a promise (and a cancellation listener) per call.
 */
export function fixedCredentialsOf(provider: CredentialProvider): Credentials | undefined {
  return (provider as { [FIXED]?: Credentials })[FIXED];
}

/**
 * Turns the `credentials` client option into the provider the client calls before signing each
 * request: explicit keys → {@link staticCredentials}; a function → that function, cached (return
 * `expiresAt` to have it called again 5 minutes before expiry); nothing → the default chain
 * (`defaultCredentialChain` from `@org/tc-core/credentials`), loaded with the first call.
 */
export function resolveCredentialProvider(
  credentials: Credentials | CredentialProvider | undefined,
  options: DefaultCredentialChainOptions = {},
): CredentialProvider {
  if (credentials === undefined) return lazyDefaultCredentialChain(options);
  if (typeof credentials === "function") {
    return cachedProvider(credentials, {
      ...(options.now === undefined ? {} : { now: options.now }),
      origin: "credentials provider function",
    });
  }
  if (typeof credentials === "object" && credentials !== null) return staticCredentials(credentials);
  throw new CredentialsError(
    `client option \`credentials\` must be {secretId, secretKey, token?} or a provider function, got ${credentials === null ? "null" : typeof credentials}`,
  );
}
