// What the root entry `@org/tc-core` exports of credentials: the types and error every client needs and
// the option resolver. The providers (environment, profile file, TKE OIDC, CVM role, STS, chains) are
// behind `@org/tc-core/credentials`, so importing a client never loads them (see ../../README.md, "Entry points").

export {
  type CredentialSourceReport,
  CredentialsError,
  type CredentialsErrorJson,
  type CredentialsErrorOptions,
  isCredentialsError,
} from "./errors.js";
export { resolveCredentialProvider, staticCredentials } from "./resolve.js";
export type { CredentialProvider, Credentials } from "./types.js";
