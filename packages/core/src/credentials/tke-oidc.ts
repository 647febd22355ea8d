import { TencentCloudError } from "../errors/tencent-cloud-error.js";
import { cachedProvider } from "./cache.js";
import { type CredentialEnvironment, envValue, isNotFound, resolveEnvironment } from "./environment.js";
import { CredentialsError, missingSource } from "./errors.js";
import { type CredentialHttpResponse, fetchFailureCode } from "./http.js";
import {
  defaultSessionName,
  durationProblem,
  parseStsCredentials,
  ROLE_SESSION_NAME,
  STS_DEFAULT_DURATION_SECONDS,
  STS_ENDPOINT,
  STS_VERSION,
} from "./sts.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** Region for the STS call, set by TKE workload identity. */
export const ENV_TKE_REGION = "TKE_REGION";
/** OIDC identity provider name registered in CAM. */
export const ENV_TKE_PROVIDER_ID = "TKE_PROVIDER_ID";
/** Path of the projected service-account token. */
export const ENV_TKE_WEB_IDENTITY_TOKEN_FILE = "TKE_WEB_IDENTITY_TOKEN_FILE";
/** CAM role the pod assumes. */
export const ENV_TKE_ROLE_ARN = "TKE_ROLE_ARN";
const TKE_VARS = [ENV_TKE_REGION, ENV_TKE_PROVIDER_ID, ENV_TKE_WEB_IDENTITY_TOKEN_FILE, ENV_TKE_ROLE_ARN] as const;

/** Options of {@link tkeOidcCredentials}. Each of the first four overrides its `TKE_*` variable. */
export interface TkeOidcCredentialsOptions extends CredentialEnvironment {
  /** Region of the STS call; default the `TKE_REGION` environment variable. */
  readonly region?: string;
  /** OIDC identity provider id; default the `TKE_PROVIDER_ID` environment variable. */
  readonly providerId?: string;
  /** File holding the pod's web identity token, read on every refresh; default `TKE_WEB_IDENTITY_TOKEN_FILE`. */
  readonly webIdentityTokenFile?: string;
  /** CAM role to assume; default the `TKE_ROLE_ARN` environment variable. */
  readonly roleArn?: string;
  /** Default `tc-sdk-<ms timestamp>`. */
  readonly roleSessionName?: string;
  /** Session length in seconds, 1-43200 (STS's maximum), default 7200. */
  readonly durationSeconds?: number;
  /** STS host or origin, default `sts.tencentcloudapi.com`. */
  readonly endpoint?: string;
  /** Budget for the STS call in ms, default 10000. */
  readonly timeoutMs?: number;
}

/**
 * Temporary credentials for a TKE pod with OIDC workload identity: the projected service-account token
 * (re-read at each refresh, since kubelet rotates it) is exchanged with STS `AssumeRoleWithWebIdentity`.
 * That call is unsigned by design (`Authorization: SKIP`), the token being the proof, so it does not go
 * through the signed client. Cached and refreshed 5 minutes before expiry. None of the `TKE_*` variables
 * set: "missing", so a chain moves on; only some set: a configuration error naming the unset ones.
 */
export function tkeOidcCredentials(options: TkeOidcCredentialsOptions = {}): CredentialProvider {
  const environment = resolveEnvironment(options);
  const where = `TKE OIDC (${TKE_VARS.join(", ")})`;
  const durationSeconds = options.durationSeconds ?? STS_DEFAULT_DURATION_SECONDS;
  const badDuration = durationProblem(durationSeconds);
  // Checked here rather than at the first refresh: the option cannot get better later.
  if (badDuration !== undefined) throw new CredentialsError(`tkeOidcCredentials: ${badDuration}`);

  const fetchCredentials = async (): Promise<Credentials> => {
    const settings = readSettings(options, environment.env, where);
    const token = await readToken(environment.readFile, settings.tokenFile);
    const sessionName = options.roleSessionName ?? defaultSessionName(environment.now);
    if (!ROLE_SESSION_NAME.test(sessionName)) {
      throw new CredentialsError(`${where}: roleSessionName must be 2-64 of letters, digits and +=,.@_-`);
    }
    const origin = toOrigin(options.endpoint ?? STS_ENDPOINT);
    let res: CredentialHttpResponse;
    try {
      res = await environment.fetch({
        url: `${origin}/`,
        method: "POST",
        timeoutMs: options.timeoutMs ?? 10_000,
        headers: {
          "Content-Type": "application/json",
          Authorization: "SKIP",
          "X-TC-Action": "AssumeRoleWithWebIdentity",
          "X-TC-Version": STS_VERSION,
          "X-TC-Region": settings.region,
          "X-TC-Timestamp": String(Math.floor(environment.now() / 1000)),
        },
        body: JSON.stringify({
          ProviderId: settings.providerId,
          WebIdentityToken: token,
          RoleArn: settings.roleArn,
          RoleSessionName: sessionName,
          DurationSeconds: durationSeconds,
        }),
      });
    } catch (error) {
      const code = fetchFailureCode(error);
      throw new CredentialsError(`${where}: STS AssumeRoleWithWebIdentity request failed (${code})`, { cause: error });
    }
    return parseWebIdentityResponse(res.status, res.body, where);
  };

  return cachedProvider(fetchCredentials, { now: environment.now, origin: where });
}

interface TkeSettings {
  readonly region: string;
  readonly providerId: string;
  readonly tokenFile: string;
  readonly roleArn: string;
}

function readSettings(
  options: TkeOidcCredentialsOptions,
  env: Readonly<Record<string, string | undefined>>,
  where: string,
): TkeSettings {
  const values = {
    [ENV_TKE_REGION]: options.region ?? envValue(env, ENV_TKE_REGION),
    [ENV_TKE_PROVIDER_ID]: options.providerId ?? envValue(env, ENV_TKE_PROVIDER_ID),
    [ENV_TKE_WEB_IDENTITY_TOKEN_FILE]: options.webIdentityTokenFile ?? envValue(env, ENV_TKE_WEB_IDENTITY_TOKEN_FILE),
    [ENV_TKE_ROLE_ARN]: options.roleArn ?? envValue(env, ENV_TKE_ROLE_ARN),
  };
  const unset = TKE_VARS.filter((name) => values[name] === undefined);
  if (unset.length === TKE_VARS.length) throw missingSource(where, "not set");
  if (unset.length > 0) throw new CredentialsError(`TKE OIDC is partly configured: ${unset.join(", ")} not set`);
  return {
    region: values[ENV_TKE_REGION] as string,
    providerId: values[ENV_TKE_PROVIDER_ID] as string,
    tokenFile: values[ENV_TKE_WEB_IDENTITY_TOKEN_FILE] as string,
    roleArn: values[ENV_TKE_ROLE_ARN] as string,
  };
}

async function readToken(readFile: (path: string) => Promise<string>, path: string): Promise<string> {
  let token: string;
  try {
    token = (await readFile(path)).trim();
  } catch (error) {
    const why = isNotFound(error) ? "does not exist" : "cannot be read";
    throw new CredentialsError(`TKE web identity token file ${path} (${ENV_TKE_WEB_IDENTITY_TOKEN_FILE}) ${why}`, {
      cause: error,
    });
  }
  if (token === "") throw new CredentialsError(`TKE web identity token file ${path} is empty`);
  return token;
}

function toOrigin(endpoint: string): string {
  return (endpoint.includes("://") ? endpoint : `https://${endpoint}`).replace(/\/+$/, "");
}

function parseWebIdentityResponse(status: number, body: string, where: string): Credentials {
  const call = `${where}: STS AssumeRoleWithWebIdentity`;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    // No cause: JSON.parse messages quote the body, which may hold a secret.
    throw new CredentialsError(`${call} returned HTTP ${status} with a non-JSON body`);
  }
  const response = (data as { Response?: unknown } | null)?.Response;
  if (typeof response !== "object" || response === null) {
    throw new CredentialsError(`${call} returned HTTP ${status} without a Response object`);
  }
  const { Error: apiError, RequestId } = response as {
    Error?: { Code?: unknown; Message?: unknown };
    RequestId?: unknown;
  };
  if (apiError !== undefined) {
    const cause = new TencentCloudError({
      code: typeof apiError.Code === "string" ? apiError.Code : "UnknownError",
      message: typeof apiError.Message === "string" ? apiError.Message : "",
      requestId: typeof RequestId === "string" ? RequestId : "",
      httpStatus: status,
      service: "sts",
      action: "AssumeRoleWithWebIdentity",
      attempts: 1,
    });
    throw new CredentialsError(`${call} failed: ${cause.code}: ${cause.message} (RequestId ${cause.requestId})`, {
      cause,
    });
  }
  return parseStsCredentials(response, call);
}
