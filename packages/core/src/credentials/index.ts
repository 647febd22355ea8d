export { type AssumeRoleCredentialsOptions, assumeRoleCredentials } from "./assume-role.js";
export {
  type CacheOptions,
  cachedProvider,
  MIN_REFRESH_INTERVAL_MS,
  REFRESH_BEFORE_EXPIRY_MS,
  REFRESH_LIFETIME_FRACTION,
} from "./cache.js";
export { credentialChain, type DefaultCredentialChainOptions, defaultCredentialChain } from "./chain.js";
export { DEFAULT_CREDENTIAL_CHAIN, type DefaultCredentialSource } from "./chain-order.js";
export {
  CVM_METADATA_TIMEOUT_MS,
  CVM_METADATA_URL,
  type CvmRoleCredentialsOptions,
  cvmRoleCredentials,
} from "./cvm-role.js";
export { ENV_SECRET_ID, ENV_SECRET_KEY, ENV_SESSION_TOKEN, envCredentials } from "./env.js";
export type { CredentialEnvironment } from "./environment.js";
export {
  type CredentialSourceReport,
  CredentialsError,
  type CredentialsErrorJson,
  type CredentialsErrorOptions,
  isCredentialsError,
} from "./errors.js";
export {
  type CredentialFetcher,
  CredentialHttpError,
  type CredentialHttpRequest,
  type CredentialHttpResponse,
  nodeFetcher,
} from "./http.js";
export {
  ENV_CREDENTIALS_FILE,
  ENV_PROFILE,
  type ProfileCredentialsOptions,
  profileCredentials,
  SYSTEM_CREDENTIALS_FILE,
} from "./profile.js";
export { resolveCredentialProvider, staticCredentials } from "./resolve.js";
export { sealCredentials } from "./sealed.js";
export {
  ENV_TKE_PROVIDER_ID,
  ENV_TKE_REGION,
  ENV_TKE_ROLE_ARN,
  ENV_TKE_WEB_IDENTITY_TOKEN_FILE,
  type TkeOidcCredentialsOptions,
  tkeOidcCredentials,
} from "./tke-oidc.js";
export type { CredentialProvider, Credentials } from "./types.js";
