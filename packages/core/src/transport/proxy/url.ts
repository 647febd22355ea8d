import { ConfigurationError } from "../../errors/configuration-error.js";

/** Parses a proxy URL; a bare `host:port` means `http://host:port`. */
export function parseProxyUrl(value: string, source: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigurationError(`Invalid proxy URL in ${source}: expected http(s)://[user:password@]host[:port]`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError(
      `Invalid proxy URL in ${source}: the protocol must be http: or https:, got ${url.protocol}`,
    );
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    throw new ConfigurationError(`Invalid proxy URL in ${source}: give only the protocol, credentials, host and port`);
  }
  return url;
}
