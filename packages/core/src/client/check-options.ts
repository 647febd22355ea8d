import type { ResolvedEndpoint } from "../endpoint/resolve.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import type { ClientOptions } from "./options.js";

/** Region names: lower-case letters, digits and dashes (`ap-guangzhou`, `ap-shanghai-fsi`). */
const REGION = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGES = new Set(["zh-CN", "en-US"]);

/**
 * Checks the options that end up in headers, so CR/LF or a typo is a {@link ConfigurationError} at
 * construction rather than a retried "network error" on every call. Values are named, never echoed
 * when they could be injected text.
 */
export function checkHeaderOptions(options: Pick<ClientOptions, "region" | "language">): void {
  const problems: string[] = [];
  if (options.region !== undefined && (typeof options.region !== "string" || !REGION.test(options.region))) {
    problems.push("region must be lower-case letters, digits and dashes, e.g. ap-guangzhou");
  }
  if (options.language !== undefined && !LANGUAGES.has(options.language))
    problems.push("language must be zh-CN or en-US");
  if (problems.length > 0) throw new ConfigurationError(`Invalid client options: ${problems.join("; ")}`);
}

/**
 * Refuses `http://` to anything but loopback unless `allowInsecureEndpoint` is set: over plaintext the
 * session token and the signed request travel unencrypted. Local endpoints (`127.0.0.1`, `::1`,
 * `localhost`) stay allowed.
 */
export function checkEndpointSecurity(endpoint: ResolvedEndpoint, allowInsecure: boolean | undefined): void {
  if (endpoint.protocol === "https:" || allowInsecure === true || isLoopback(endpoint.hostname)) return;
  throw new ConfigurationError(
    `Refusing plaintext endpoint ${endpoint.origin}: http:// sends the session token unencrypted. ` +
      "Use https://, or set allowInsecureEndpoint: true if this network is trusted",
  );
}

/** `localhost` (and its subdomains), 127.0.0.0/8 and ::1. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
