export type { CredentialProvider, Credentials } from "./types.js";
export {
  CredentialsError,
  isCredentialsError,
  type CredentialSourceReport,
  type CredentialsErrorOptions,
  type CredentialsErrorJson,
} from "./errors.js";
export type { CredentialEnvironment } from "./environment.js";
export {
  nodeFetcher,
  CredentialHttpError,
  type CredentialFetcher,
  type CredentialHttpRequest,
  type CredentialHttpResponse,
} from "./http.js";
export { cachedProvider, REFRESH_BEFORE_EXPIRY_MS, REFRESH_LIFETIME_FRACTION, MIN_REFRESH_INTERVAL_MS, type CacheOptions } from "./cache.js";
export { sealCredentials } from "./sealed.js";
export { staticCredentials, resolveCredentialProvider } from "./resolve.js";
export { envCredentials, ENV_SECRET_ID, ENV_SECRET_KEY, ENV_SESSION_TOKEN } from "./env.js";
export {
  profileCredentials,
  ENV_CREDENTIALS_FILE,
  ENV_PROFILE,
  SYSTEM_CREDENTIALS_FILE,
  type ProfileCredentialsOptions,
} from "./profile.js";
export {
  cvmRoleCredentials,
  CVM_METADATA_URL,
  CVM_METADATA_TIMEOUT_MS,
  type CvmRoleCredentialsOptions,
} from "./cvm-role.js";
export {
  tkeOidcCredentials,
  ENV_TKE_REGION,
  ENV_TKE_PROVIDER_ID,
  ENV_TKE_WEB_IDENTITY_TOKEN_FILE,
  ENV_TKE_ROLE_ARN,
  type TkeOidcCredentialsOptions,
} from "./tke-oidc.js";
export { assumeRoleCredentials, type AssumeRoleCredentialsOptions } from "./assume-role.js";
export { credentialChain, defaultCredentialChain, type DefaultCredentialChainOptions } from "./chain.js";
export { DEFAULT_CREDENTIAL_CHAIN, type DefaultCredentialSource } from "./chain-order.js";
