/**
 * An independent TC3 verifier on WebCrypto, written from the published algorithm: it shares no code
 * with the signer and recomputes everything from the headers actually sent (any casing) plus the body bytes.
 */
export async function verifyTc3(
  headers: Readonly<Record<string, string | undefined>>,
  body: Uint8Array,
  secretKey: string,
): Promise<boolean> {
  const h = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const subtle = globalThis.crypto.subtle;
  const enc = new TextEncoder();
  const hex = (buf: ArrayBuffer): string => Buffer.from(buf).toString("hex");
  const sha256 = async (data: Uint8Array | string): Promise<string> =>
    hex(await subtle.digest("SHA-256", typeof data === "string" ? enc.encode(data) : data));
  const hmac = async (key: Uint8Array, msg: string): Promise<Uint8Array> => {
    const k = await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return new Uint8Array(await subtle.sign("HMAC", k, enc.encode(msg)));
  };

  const match =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$/.exec(
      h["authorization"] ?? "",
    );
  if (!match) return false;
  const [, , date, service, signature] = match as unknown as [string, string, string, string, string];
  const timestamp = Number(h["x-tc-timestamp"]);
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return false;

  const canonical = [
    "POST",
    "/",
    "",
    `content-type:${h["content-type"]}\nhost:${h["host"]}\n`,
    "content-type;host",
    await sha256(body),
  ].join("\n");
  const toSign = ["TC3-HMAC-SHA256", String(timestamp), `${date}/${service}/tc3_request`, await sha256(canonical)].join(
    "\n",
  );
  const kDate = await hmac(enc.encode(`TC3${secretKey}`), date);
  const kService = await hmac(kDate, service);
  const kSigning = await hmac(kService, "tc3_request");
  return Buffer.from(await hmac(kSigning, toSign)).toString("hex") === signature;
}
