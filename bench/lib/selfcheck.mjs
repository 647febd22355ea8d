// Before measuring anything: the floor signer and the fake endpoint's verifier must both agree
// with Tencent Cloud's published TC3 vectors, or every figure after this would be meaningless.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedDir } from "./paths.mjs";
import { createSigner } from "./tc3.mjs";
import { createVerifier } from "./verify.mjs";

export function selfCheck() {
  const file = join(sharedDir, "reference/tc3-vectors.json");
  const { vectors } = JSON.parse(readFileSync(file, "utf8"));
  for (const v of vectors) {
    const sign = createSigner({ secretId: v.secretId, secretKey: v.secretKey, service: v.service });
    const body = Buffer.from(v.payload);
    const authorization = sign({ host: v.host, contentType: v.contentType, body, timestamp: v.timestamp });
    if (authorization !== v.expected.authorization)
      throw new Error(`self-check: floor signer disagrees with ${file} vector ${v.name}`);

    const verify = createVerifier({
      service: v.service,
      lookupKey: (id) => (id === v.secretId ? v.secretKey : undefined),
      nowSeconds: () => v.timestamp,
    });
    const req = (payload, auth = authorization) => ({
      method: "POST",
      url: "/",
      headers: {
        authorization: auth,
        "x-tc-timestamp": String(v.timestamp),
        host: v.host,
        "content-type": v.contentType,
      },
      body: Buffer.from(payload),
    });
    const good = req(v.payload);
    if (!verify(good, good.body).ok) throw new Error(`self-check: verifier rejects ${file} vector ${v.name}`);
    const tampered = req(v.payload + " ");
    if (verify(tampered, tampered.body).ok)
      throw new Error(`self-check: verifier accepts a tampered body for vector ${v.name}`);
    const wrongSig = req(
      v.payload,
      authorization.replace(/.$/, (c) => (c === "0" ? "1" : "0")),
    );
    if (verify(wrongSig, wrongSig.body).code !== "AuthFailure.SignatureFailure")
      throw new Error(`self-check: verifier accepts a wrong signature for vector ${v.name}`);
  }
  return vectors.length;
}
