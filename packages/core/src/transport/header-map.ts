/**
 * Response headers as one map, names in lower case: the one shape every transport and the stream path hand
 * to the retry policy, the clock-skew correction, hooks and middleware. The maps have no prototype, so a
 * header named `__proto__` is an entry like any other.
 */

/** Headers Node keeps the first of when repeated (its `IncomingMessage.headers` rules); others are joined. */
const SINGLE_VALUED = new Set([
  "age",
  "authorization",
  "content-length",
  "content-type",
  "etag",
  "expires",
  "from",
  "host",
  "if-modified-since",
  "if-unmodified-since",
  "last-modified",
  "location",
  "max-forwards",
  "proxy-authorization",
  "referer",
  "retry-after",
  "server",
  "user-agent",
]);

/**
 * The map of Node's raw header list (`IncomingMessage.rawHeaders`), with Node's rules for repeats. Not
 * `res.headers`: reading that builds Node's own map first, a measurable share of a call.
 */
export function headerMap(raw: readonly string[]): Record<string, string> {
  const headers = Object.create(null) as Record<string, string>;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    const seen = headers[name];
    if (seen === undefined) headers[name] = value;
    else if (!SINGLE_VALUED.has(name)) headers[name] = `${seen}, ${value}`;
  }
  return headers;
}

/** The first `Content-Length` of a raw header list, as Node keeps it; `undefined` when absent. */
export function contentLength(raw: readonly string[]): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 14 && name.toLowerCase() === "content-length") return raw[i + 1];
  }
  return undefined;
}

/** The map of header entries a WHATWG `Headers` object gives (`fetch` joined repeats already). */
export function flattenHeaders(entries: Iterable<[string, string | string[] | undefined]>): Record<string, string> {
  const headers = Object.create(null) as Record<string, string>;
  for (const [name, value] of entries) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}
