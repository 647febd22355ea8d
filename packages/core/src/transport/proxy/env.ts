import { parseProxyUrl } from "./url.js";
import { proxyVariable } from "./variables.js";

/** The origin a request goes to, as the proxy rules see it. */
export interface ProxyTarget {
  readonly protocol: "https:" | "http:";
  readonly hostname: string;
  readonly port: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The proxy for `target`, or `undefined` to connect directly.
 * - `option` a URL: that proxy, for every request (the environment is not read);
 * - `option` `false`: never a proxy;
 * - `option` unset: `https_proxy`/`HTTPS_PROXY` for https origins, `http_proxy`/`HTTP_PROXY` for
 *   http ones (lower case first, as curl does), unless `no_proxy`/`NO_PROXY` matches the host or the
 *   host is loopback (`localhost`, `127.0.0.0/8`, `::1`: a local endpoint is never behind the
 *   corporate proxy, as in Go's `ProxyFromEnvironment`).
 * @throws ConfigurationError for a proxy URL that is not `http(s)://[user:password@]host[:port]`.
 */
export function resolveProxy(
  target: ProxyTarget,
  option: string | false | undefined,
  env: Env = process.env,
): URL | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return parseProxyUrl(option, "the `proxy` option");
  const name = proxyVariable(target.protocol, env);
  if (name === undefined || isLoopback(target.hostname)) return undefined;
  if (matchesNoProxy(target, env["no_proxy"] ?? env["NO_PROXY"] ?? "")) return undefined;
  return parseProxyUrl(env[name]!.trim(), `the environment variable ${name}`);
}

/**
 * Whether `NO_PROXY` exempts `target`. Entries are separated by commas or spaces: `*` matches every
 * host; `example.com`, `.example.com` and `*.example.com` match the host and its subdomains; an
 * entry with `:port` matches that port only; IP addresses match exactly (no CIDR ranges).
 */
export function matchesNoProxy(target: ProxyTarget, noProxy: string): boolean {
  const host = target.hostname.toLowerCase().replace(/\.$/, "");
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    if (entry === "*") return true;
    const { name, port } = splitPort(entry);
    if (port !== undefined && port !== target.port) continue;
    const suffix = name.replace(/^\*?\./, "").replace(/\.$/, "");
    if (suffix === "") continue;
    if (host === suffix || host.endsWith(`.${suffix}`)) return true;
  }
  return false;
}

/** `localhost` (and its subdomains), `127.0.0.0/8`, `::1` and their IPv4-mapped forms. */
export function isLoopback(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") return true;
  return /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function splitPort(entry: string): { name: string; port: number | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1]!, port: bracketed[2] === undefined ? undefined : Number(bracketed[2]) };
  const hostPort = /^([^:]+):(\d+)$/.exec(entry);
  if (hostPort) return { name: hostPort[1]!, port: Number(hostPort[2]) };
  return { name: entry, port: undefined };
}
