/** A sample request as written in API docs: a JSON POST body or a GET URL with a query string. */
export type SampleRequest =
  | { form: "json"; body: unknown }
  | { form: "query"; action?: string; params: Array<readonly [key: string, value: string]> };

/** Why a sample request could not be read. */
export class SampleParseError extends Error {
  override readonly name = "SampleParseError";
}

/**
 * Splits a documented sample request into its form and payload. POST samples are an HTTP message
 * whose body follows the first blank line; GET samples are a URL whose parameters may be spread
 * over lines (`\n&Key=value`). Placeholders such as `<Common request parameters>` are dropped.
 */
export function parseSampleRequest(text: string): SampleRequest {
  const trimmed = text.trim();
  if (/^POST\s/i.test(trimmed)) return { form: "json", body: parseBody(trimmed) };
  if (trimmed.startsWith("{")) return { form: "json", body: parseJson(trimmed, "request body") };
  const query = trimmed.indexOf("?");
  if (query < 0) throw new SampleParseError("neither a POST body nor a URL with a query string");
  return parseQuery(trimmed.slice(query + 1));
}

/** API 3.0 common parameters: in GET samples they sit beside the action's own parameters but are not members. */
const COMMON_PARAMETERS = new Set([
  "Version",
  "Region",
  "Timestamp",
  "Nonce",
  "SecretId",
  "Signature",
  "SignatureMethod",
  "Token",
  "Language",
  "RequestClient",
]);

/**
 * The body follows the first blank line. Some published samples lost their line breaks
 * (`...<Common request parameters>{ "Product": ... }`); there the body starts at the first `{`.
 */
function parseBody(message: string): unknown {
  const blank = /\r?\n[ \t]*\r?\n/.exec(message);
  const brace = message.indexOf("{");
  const start = blank ? blank.index + blank[0].length : brace >= 0 ? brace : message.length;
  const body = message.slice(start).trim();
  return body === "" ? {} : parseJson(body, "POST body");
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SampleParseError(`${what} is not valid JSON: ${(err as Error).message}`);
  }
}

function parseQuery(query: string): SampleRequest {
  const params: Array<readonly [string, string]> = [];
  let action: string | undefined;
  for (const raw of query.replace(/\r?\n/g, "").split("&")) {
    const part = raw.trim();
    if (part === "" || /^<[^>]*>$/.test(part)) continue;
    const eq = part.indexOf("=");
    if (eq <= 0) throw new SampleParseError(`query parameter "${part}" has no "key=value" form`);
    const key = decode(part.slice(0, eq).trim());
    const value = decode(part.slice(eq + 1).trim());
    if (key === "Action") action = value;
    else if (!COMMON_PARAMETERS.has(key)) params.push([key, value]);
  }
  return action === undefined ? { form: "query", params } : { form: "query", action, params };
}

/** Docs mostly show values unencoded, so a stray `%` must not fail the sample. `+` stays literal for the same reason. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
