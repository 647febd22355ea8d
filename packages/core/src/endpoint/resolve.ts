import { ConfigurationError } from "../errors/configuration-error.js";
import type { ServiceMeta } from "../meta.js";

/** Where requests go: the URL parts and the exact `Host` header that is signed and sent. */
export interface ResolvedEndpoint {
  /** `https:` unless an explicit endpoint says `http:` (local endpoints, tests). */
  readonly protocol: "https:" | "http:";
  /** Host name without brackets or port, for the socket. */
  readonly hostname: string;
  /** TCP port: the one given, else 443 for `https:` and 80 for `http:`. */
  readonly port: number;
  /** `Host` header: the host name, plus `:port` when it is not the protocol's default. */
  readonly host: string;
  /** `protocol//host`, the URL requests are POSTed to (path `/`). */
  readonly origin: string;
}

/** Options that decide the endpoint; the same names as in `ClientOptions`. */
export interface EndpointOptions {
  /** Region of the client, e.g. `ap-guangzhou`; a financial region (`-fsi`) selects its own host. */
  readonly region?: string | undefined;
  /** Explicit host, `host:port` or origin; wins over `region` and `intl`. */
  readonly endpoint?: string | undefined;
  /** Use the service's international endpoint (the international site)? */
  readonly intl?: boolean | undefined;
  readonly regionalEndpoint?: boolean | undefined;
}

const PUBLIC_DOMAIN = ".tencentcloudapi.com";
const FSI_SUFFIX = "-fsi";

/**
 * Picks the endpoint once per client:
 * - `endpoint` (a host, `host:port` or full origin such as `http://127.0.0.1:8080`) wins over everything;
 * - a financial region (`ap-shanghai-fsi`) uses `<service>.<region>.tencentcloudapi.com`, because those
 *   zones are isolated from the public endpoint;
 * - `regionalEndpoint` uses `<service>.<region>.tencentcloudapi.com`, the region's own host; both
 *   sites share these hosts, so `intl` changes nothing then;
 * - `intl` uses the international site, which has no financial zones;
 * - otherwise the service's default host.
 * @throws ConfigurationError for `intl` with a financial region, `regionalEndpoint` without a region or
 * with `endpoint`, or an endpoint that is not a bare origin.
 */
export function resolveEndpoint(meta: ServiceMeta, options: EndpointOptions = {}): ResolvedEndpoint {
  if (options.regionalEndpoint === true) {
    if (options.endpoint !== undefined) {
      throw new ConfigurationError("`regionalEndpoint` and `endpoint` both choose the host: set only one");
    }
    if (options.region === undefined || options.region === "") {
      throw new ConfigurationError(
        "`regionalEndpoint: true` needs the `region` option (the host is <service>.<region>.tencentcloudapi.com)",
      );
    }
  }
  if (options.endpoint !== undefined) return parseEndpoint(options.endpoint);
  const financial = options.region?.endsWith(FSI_SUFFIX) ?? false;
  if (financial && options.intl) {
    throw new ConfigurationError(
      `Region ${options.region} is a financial zone, which the international site does not serve: ` +
        "remove `intl: true` (the endpoint is then " +
        `${regionalHost(meta, options.region!)}) or use a non-financial region`,
    );
  }
  if (financial || options.regionalEndpoint === true) return parseEndpoint(regionalHost(meta, options.region!));
  return parseEndpoint(options.intl ? meta.intlEndpoint : meta.endpoint);
}

/** `<prefix>.<region>.tencentcloudapi.com`, the prefix taken from the spec's default endpoint. */
function regionalHost(meta: ServiceMeta, region: string): string {
  const prefix = meta.endpoint.endsWith(PUBLIC_DOMAIN) ? meta.endpoint.slice(0, -PUBLIC_DOMAIN.length) : meta.service;
  return `${prefix}.${region}${PUBLIC_DOMAIN}`;
}

/** Accepts `host`, `host:port` or `http(s)://host[:port][/]`; anything more is a mistake worth reporting. */
export function parseEndpoint(endpoint: string): ResolvedEndpoint {
  const trimmed = endpoint.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigurationError(
      `Invalid endpoint ${JSON.stringify(endpoint)}: expected a host or an origin like https://host[:port]`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(`Invalid endpoint ${JSON.stringify(endpoint)}: protocol must be https: or http:`);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
    throw new ConfigurationError(
      `Invalid endpoint ${JSON.stringify(url.origin)}...: API 3.0 requests go to the path /; ` +
        "give only the protocol, host and port",
    );
  }
  const protocol = url.protocol;
  const port = url.port === "" ? (protocol === "https:" ? 443 : 80) : Number(url.port);
  const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return { protocol, hostname, port, host: url.host, origin: `${protocol}//${url.host}` };
}
