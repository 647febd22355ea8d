import { ServiceClient } from "../client/index.js";
import type { ClientOptions } from "../client/options.js";
import { isTencentCloudError } from "../errors/guards.js";
import type { ActionMeta, ServiceMeta } from "../meta.js";
import { cachedProvider } from "./cache.js";
import { CredentialsError, isCredentialsError } from "./errors.js";
import {
  defaultSessionName,
  durationProblem,
  parseStsCredentials,
  ROLE_SESSION_NAME,
  STS_DEFAULT_DURATION_SECONDS,
  STS_DEFAULT_REGION,
  STS_ENDPOINT,
  STS_VERSION,
} from "./sts.js";
import type { CredentialProvider, Credentials } from "./types.js";

/** The slice of STS that {@link assumeRoleCredentials} calls. */
const STS_SERVICE: ServiceMeta = {
  service: "sts",
  version: STS_VERSION,
  endpoint: STS_ENDPOINT,
  intlEndpoint: "sts.intl.tencentcloudapi.com",
  shapes: {
    AssumeRoleRequest: {
      RoleArn: "!s",
      RoleSessionName: "!s",
      DurationSeconds: "u",
      Policy: "s",
      ExternalId: "s",
    },
  },
};

/**
 * STS `AssumeRole`. Marked read-only because repeating it only mints another set of temporary keys,
 * so retrying after a timeout or 5xx is safe.
 */
const ASSUME_ROLE: ActionMeta = {
  name: "AssumeRole",
  rateLimit: 600,
  readOnly: true,
  input: "AssumeRoleRequest",
};

/** Options of {@link assumeRoleCredentials}. */
export interface AssumeRoleCredentialsOptions {
  /** Role to assume, e.g. `qcs::cam::uin/100000000001:roleName/deployer`. */
  readonly roleArn: string;
  /** 2-64 of letters, digits and `+=,.@_-`. Default `tc-sdk-<ms timestamp>`. */
  readonly roleSessionName?: string;
  /** Session length in seconds, 1-43200 (STS's maximum), default 7200. */
  readonly durationSeconds?: number;
  /**
   * Policy narrowing the role's permissions. An object or a JSON string is URL-encoded for you, as STS
   * requires; a string not starting with `{` is taken as already encoded.
   */
  readonly policy?: string | Readonly<Record<string, unknown>>;
  /** External id the role's trust policy demands, for cross-account roles. */
  readonly externalId?: string;
  /** Credentials that call STS: keys, a provider, or by default the default chain. */
  readonly source?: ClientOptions["credentials"];
  /** STS region, default `ap-guangzhou`. */
  readonly region?: string;
  /** Other options of the STS client: endpoint, transport, timeoutMs, retry, hooks, logger, now. */
  readonly client?: Omit<ClientOptions, "credentials" | "region">;
}

/**
 * Temporary credentials of a CAM role from STS `AssumeRole`, signed with `source` credentials over the
 * same signed transport as every other call (retries, timeouts, hooks). Cached, refreshed up to 5
 * minutes before expiry (see `cachedProvider`), one STS call shared by concurrent callers. Options are checked here, so a bad ARN or
 * duration fails at construction rather than on the first request.
 */
export function assumeRoleCredentials(options: AssumeRoleCredentialsOptions): CredentialProvider {
  const now = options.client?.now ?? Date.now;
  const fixed = checkOptions(options);
  const where = `STS AssumeRole (${options.roleArn})`;
  let client: ServiceClient | undefined;

  const fetchCredentials = async (): Promise<Credentials> => {
    client ??= new ServiceClient(STS_SERVICE, {
      ...options.client,
      region: options.region ?? STS_DEFAULT_REGION,
      ...(options.source === undefined ? {} : { credentials: options.source }),
    });
    let response: unknown;
    try {
      response = await client.invoke<unknown>(ASSUME_ROLE, {
        ...fixed,
        RoleSessionName: options.roleSessionName ?? defaultSessionName(now),
      });
    } catch (error) {
      // The cause (a core SdkError or the source's CredentialsError) is secret-free by contract.
      const what = isCredentialsError(error)
        ? `has no source credentials: ${error.message}`
        : `failed: ${describe(error)}`;
      throw new CredentialsError(`${where} ${what}`, { cause: error });
    }
    return parseStsCredentials(response, where);
  };

  return cachedProvider(fetchCredentials, { now, origin: where });
}

interface FixedRequest {
  readonly RoleArn: string;
  readonly DurationSeconds: number;
  readonly Policy?: string;
  readonly ExternalId?: string;
}

function checkOptions(options: AssumeRoleCredentialsOptions): FixedRequest {
  const problems: string[] = [];
  if (typeof options.roleArn !== "string" || options.roleArn.trim() === "") problems.push("roleArn is required");
  if (options.roleSessionName !== undefined && !ROLE_SESSION_NAME.test(options.roleSessionName)) {
    problems.push("roleSessionName must be 2-64 of letters, digits and +=,.@_-");
  }
  const duration = options.durationSeconds ?? STS_DEFAULT_DURATION_SECONDS;
  const badDuration = durationProblem(duration);
  if (badDuration !== undefined) problems.push(badDuration);
  if (problems.length > 0) throw new CredentialsError(`assumeRoleCredentials: ${problems.join("; ")}`);
  const policy = encodePolicy(options.policy);
  return {
    RoleArn: options.roleArn,
    DurationSeconds: duration,
    ...(policy === undefined ? {} : { Policy: policy }),
    ...(options.externalId === undefined ? {} : { ExternalId: options.externalId }),
  };
}

/** `Code: message (RequestId …)` for API errors, the message otherwise. */
function describe(error: unknown): string {
  if (isTencentCloudError(error)) return `${error.code}: ${error.message} (RequestId ${error.requestId})`;
  return error instanceof Error ? error.message : String(error);
}

function encodePolicy(policy: AssumeRoleCredentialsOptions["policy"]): string | undefined {
  if (policy === undefined) return undefined;
  if (typeof policy !== "string") return encodeURIComponent(JSON.stringify(policy));
  return policy.trimStart().startsWith("{") ? encodeURIComponent(policy) : policy;
}
