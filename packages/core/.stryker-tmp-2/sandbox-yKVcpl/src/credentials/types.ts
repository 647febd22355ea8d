/** A Tencent Cloud API key pair, optionally temporary. */
// @ts-nocheck

export interface Credentials {
  readonly secretId: string;
  readonly secretKey: string;
  /** Session token of temporary credentials (STS, instance role, OIDC). */
  readonly token?: string;
  /** When temporary credentials stop working; providers refresh 5 minutes before. */
  readonly expiresAt?: Date;
}

/** Resolves the credentials to sign the next request with. Called per request; cache inside. */
export type CredentialProvider = () => Promise<Credentials>;
