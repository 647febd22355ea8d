import { ConfigurationError } from "../errors/configuration-error.js";
import type { ActionMeta, ServiceMeta } from "../meta.js";
import { ValidationError, validateRequest } from "../validate/index.js";
import { shapesOf } from "../validate/shapes-of.js";
import type { CallOptions, ClientOptions } from "./options.js";
import { ServiceClient } from "./service-client.js";

/** A generated package's metadata: what {@link CommonClient} needs to validate requests and know actions. */
export interface ServiceMetadata {
  /** The service version's metadata, e.g. `serviceMeta` of `@org/tc-redis`'s `metadata.gen.ts`. */
  readonly serviceMeta: ServiceMeta;
  /** Its actions, keyed by anything (generated packages key them by method name). */
  readonly actions: Readonly<Record<string, ActionMeta>>;
}

/** Options of {@link CommonClient}: the service to call and every option a generated client takes. */
export interface CommonClientOptions extends ClientOptions {
  /** Signing service name, e.g. `cvm` (also the host prefix: `cvm.tencentcloudapi.com`). */
  readonly service: string;
  /** API version, e.g. `2017-03-12`. */
  readonly version: string;
  /**
   * A generated package's metadata. With it, requests to its actions are validated before sending,
   * and their read-only flag, rate limit and region requirement come from the spec. Without it
   * nothing is validated.
   */
  readonly metadata?: ServiceMetadata;
  /** Requests per second for actions the metadata does not describe, default 20 (Tencent Cloud's usual limit). */
  readonly defaultRateLimit?: number;
}

const DEFAULT_RATE_LIMIT = 20;
const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;
const VERSION = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Calls any action of any Tencent Cloud API 3.0 service, including services and actions this SDK
 * has not generated: the escape hatch. The same signing, retries, rate limiting, errors, hooks,
 * middleware, headers, proxy and options as a generated client; an action it knows nothing about is
 * treated as mutating (never retried once sent) and limited to `defaultRateLimit` per second.
 *
 * @example
 * const cvm = new CommonClient({ service: "cvm", version: "2017-03-12", region: "ap-guangzhou" });
 * const { InstanceSet } = await cvm.call<{ InstanceSet: unknown[] }>("DescribeInstances", { Limit: 10 });
 */
export class CommonClient {
  readonly #client: ServiceClient;
  readonly #metadata: ServiceMetadata | undefined;
  readonly #known = new Map<string, ActionMeta>();
  readonly #unknown = new Map<string, ActionMeta>();
  readonly #defaultRateLimit: number;
  readonly #validate: boolean;

  /** @throws ConfigurationError for a malformed service name or version, metadata of another service, or any invalid client option. */
  constructor(options: CommonClientOptions) {
    const { service, version, metadata, defaultRateLimit, ...clientOptions } = options;
    if (typeof service !== "string" || !SERVICE_NAME.test(service)) {
      throw new ConfigurationError(
        `CommonClient: \`service\` must be a service name such as "cvm", got ${JSON.stringify(service)}`,
      );
    }
    if (typeof version !== "string" || !VERSION.test(version)) {
      throw new ConfigurationError(
        `CommonClient: \`version\` must be an API version such as "2017-03-12", got ${JSON.stringify(version)}`,
      );
    }
    if (
      metadata !== undefined &&
      (metadata.serviceMeta.service !== service || metadata.serviceMeta.version !== version)
    ) {
      throw new ConfigurationError(
        `CommonClient: the metadata describes ${metadata.serviceMeta.service} ${metadata.serviceMeta.version}, not ${service} ${version}`,
      );
    }
    this.#defaultRateLimit = defaultRateLimit ?? DEFAULT_RATE_LIMIT;
    if (!(this.#defaultRateLimit > 0) || !Number.isFinite(this.#defaultRateLimit)) {
      throw new RangeError(
        `defaultRateLimit must be a positive number of requests per second, got ${this.#defaultRateLimit}`,
      );
    }
    this.#metadata = metadata;
    this.#validate = metadata !== undefined && clientOptions.validate !== false;
    for (const action of Object.values(metadata?.actions ?? {})) this.#known.set(action.name, action);
    const meta: ServiceMeta = metadata?.serviceMeta ?? {
      service,
      version,
      endpoint: `${service}.tencentcloudapi.com`,
      intlEndpoint: `${service}.intl.tencentcloudapi.com`,
    };
    // Validation happens here, per action: the inner client cannot validate actions outside the metadata.
    this.#client = new ServiceClient(meta, { ...clientOptions, validate: false });
  }

  /** Origin requests go to, e.g. `https://cvm.tencentcloudapi.com`. */
  get endpoint(): string {
    return this.#client.endpoint;
  }

  /**
   * Calls `action` with `params` and resolves with its `Response` object (`RequestId` included).
   * `T` is what you expect back; nothing checks it.
   * @throws ValidationError (only with metadata that describes the action) before anything is sent;
   * TencentCloudError, NetworkError, TimeoutError, MalformedResponseError, RequestAbortedError as a generated client does.
   */
  async call<T = unknown>(action: string, params: object = {}, options: CallOptions = {}): Promise<T> {
    const meta = this.#actionMeta(action);
    if (this.#validate && this.#known.has(action)) {
      const problems = validateRequest(shapesOf(meta, this.#metadata!.serviceMeta), meta.input, params);
      if (problems.length > 0) throw new ValidationError(problems, this.#metadata!.serviceMeta.service, action);
    }
    return this.#client.invoke<T>(meta, params, options);
  }

  /** Closes pooled connections and rejects calls queued by the rate limiter. */
  close(): void {
    this.#client.close();
  }

  #actionMeta(action: string): ActionMeta {
    const known = this.#known.get(action);
    if (known !== undefined) return known;
    let meta = this.#unknown.get(action);
    if (meta === undefined) {
      if (typeof action !== "string" || !/^[A-Za-z][A-Za-z0-9]*$/.test(action)) {
        throw new ConfigurationError(
          `CommonClient.call: ${JSON.stringify(action)} is not an action name such as "DescribeInstances"`,
        );
      }
      meta = Object.freeze({ name: action, rateLimit: this.#defaultRateLimit, readOnly: false, input: "" });
      this.#unknown.set(action, meta);
    }
    return meta;
  }
}
