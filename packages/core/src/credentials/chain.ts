import { cachedProvider } from "./cache.js";
import { DEFAULT_CREDENTIAL_CHAIN, type DefaultCredentialSource } from "./chain-order.js";
import { type CvmRoleCredentialsOptions, cvmRoleCredentials } from "./cvm-role.js";
import { envCredentials } from "./env.js";
import type { CredentialEnvironment } from "./environment.js";
import { type CredentialSourceReport, CredentialsError, isCredentialsError } from "./errors.js";
import { profileCredentials } from "./profile.js";
import { type TkeOidcCredentialsOptions, tkeOidcCredentials } from "./tke-oidc.js";
import type { CredentialProvider } from "./types.js";

/** Options of {@link defaultCredentialChain}. The environment fields apply to every link. */
export interface DefaultCredentialChainOptions extends CredentialEnvironment {
  /** Profile in the credentials file. Default: `TENCENTCLOUD_PROFILE`, else `default`. */
  readonly profile?: string;
  /** Options of the TKE OIDC link, or `false` to skip it. */
  readonly tkeOidc?: Omit<TkeOidcCredentialsOptions, keyof CredentialEnvironment> | false;
  /** Options of the CVM instance-role link, or `false` to skip it (no metadata probe). */
  readonly cvmRole?: Omit<CvmRoleCredentialsOptions, keyof CredentialEnvironment> | false;
}

/**
 * Tries providers in order and returns the first credentials found. A provider failing with a
 * "missing" {@link CredentialsError} (not configured here) passes to the next; any other failure
 * (configured but broken) stops the chain, so a typo never silently selects another identity.
 * When every provider is missing, one error lists every place looked.
 */
export function credentialChain(...providers: readonly CredentialProvider[]): CredentialProvider {
  return async () => {
    const sources: CredentialSourceReport[] = [];
    for (const provider of providers) {
      try {
        return await provider();
      } catch (error) {
        if (!isCredentialsError(error) || !error.missing) throw error;
        sources.push(...error.sources);
      }
    }
    throw noCredentials(sources);
  };
}

/**
 * The chain clients use when given no `credentials`: environment variables → profile file →
 * TKE OIDC → CVM instance role ({@link DEFAULT_CREDENTIAL_CHAIN}). TKE OIDC comes before the CVM role because a pod on TKE can also reach
 * its node's metadata service: checking the pod's explicit `TKE_*` configuration first keeps it from
 * silently running as the node's role, and costs no network probe. Cached: static keys are resolved
 * once, temporary ones refreshed 5 minutes before expiry.
 */
export function defaultCredentialChain(options: DefaultCredentialChainOptions = {}): CredentialProvider {
  const { profile, tkeOidc, cvmRole, ...environment } = options;
  // Keyed by source so the order lives in DEFAULT_CREDENTIAL_CHAIN alone; `undefined` skips a link.
  const linkOf: Record<DefaultCredentialSource, () => CredentialProvider | undefined> = {
    "environment variables": () => envCredentials(environment),
    "profile file": () => profileCredentials({ ...environment, ...(profile === undefined ? {} : { profile }) }),
    "TKE OIDC": () => (tkeOidc === false ? undefined : tkeOidcCredentials({ ...environment, ...tkeOidc })),
    "CVM instance role": () => (cvmRole === false ? undefined : cvmRoleCredentials({ ...environment, ...cvmRole })),
  };
  const links = DEFAULT_CREDENTIAL_CHAIN.map((source) => linkOf[source]()).filter((link) => link !== undefined);
  const chain = credentialChain(...links);
  const withPreface: CredentialProvider = async () => {
    try {
      return await chain();
    } catch (error) {
      if (isCredentialsError(error) && error.missing) {
        throw noCredentials([{ source: "client option `credentials`", detail: "not given" }, ...error.sources]);
      }
      throw error;
    }
  };
  return cachedProvider(withPreface, {
    ...(options.now === undefined ? {} : { now: options.now }),
    origin: "default credential chain",
  });
}

function noCredentials(sources: readonly CredentialSourceReport[]): CredentialsError {
  const lines = sources.map((s) => `  - ${s.source}: ${s.detail}`);
  return new CredentialsError(
    [
      "No Tencent Cloud credentials found. Looked in, in order:",
      ...lines,
      "Pass `credentials` to the client or configure one of these.",
    ].join("\n"),
    { sources, missing: true },
  );
}
