/**
 * The sources {@link defaultCredentialChain} tries, in the order it tries them, named as the docs name
 * them. The one statement of that order: the chain is built from this list, and a repository test checks
 * every README and generated doc that names the sources against it.
 */
export const DEFAULT_CREDENTIAL_CHAIN = [
  "environment variables",
  "profile file",
  "TKE OIDC",
  "CVM instance role",
] as const;

/** One source of {@link DEFAULT_CREDENTIAL_CHAIN}. */
export type DefaultCredentialSource = (typeof DEFAULT_CREDENTIAL_CHAIN)[number];
