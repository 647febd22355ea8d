import type { DefaultCredentialChainOptions } from "./chain.js";
import type { CredentialProvider } from "./types.js";

/**
 * The default chain, loaded on its first use: the providers (profile file and its INI parser, TKE OIDC,
 * CVM role, STS) stay off the import path of every client, so a client given explicit keys never loads
 * them and one using the chain loads them with its first call. One chain per provider, as if built eagerly.
 */
export function lazyDefaultCredentialChain(options: DefaultCredentialChainOptions = {}): CredentialProvider {
  let chain: Promise<CredentialProvider> | undefined;
  return async () => {
    chain ??= import("./chain.js").then((m) => m.defaultCredentialChain(options));
    return (await chain)();
  };
}
