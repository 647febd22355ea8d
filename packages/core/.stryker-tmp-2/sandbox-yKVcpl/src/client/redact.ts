/** Replaces secret values in hook payloads and error excerpts. */
// @ts-nocheck

export const REDACTED = "[REDACTED]";

const SECRET_HEADERS = new Set(["authorization", "x-tc-token"]);

/** A copy of `headers` with `Authorization` and `X-TC-Token` redacted. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name in headers) copy[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : headers[name]!;
  return copy;
}

const SIGNATURE_LIKE = /TC3-HMAC-SHA256[^"'<>\s]*(?:\s+[^"'<>\s]+){0,3}|\b[0-9a-f]{64}\b/gi;

/**
 * Removes `secrets` and anything shaped like a TC3 authorization or signature from `text`: a broken
 * proxy can echo request headers into the error page we quote.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text.replace(SIGNATURE_LIKE, REDACTED);
  for (const secret of secrets) if (secret) result = result.split(secret).join(REDACTED);
  return result;
}
