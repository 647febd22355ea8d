/**
 * TC3-HMAC-SHA256 worked examples as published in Tencent Cloud's "Signature v3" documentation
 * (POST to "/", empty query, signed headers content-type;host), written out as this project's own
 * test data so the signer's golden test runs in any clone. The payloads are the exact bytes sent:
 * their `\\u` escapes are literal backslash sequences. The credential-scope date is the UTC date
 * of the timestamp, not the local one.
 */

/** One published example: what is signed and the values the documentation shows for it. */
export interface Tc3Vector {
  name: string;
  secretId: string;
  secretKey: string;
  timestamp: number;
  service: string;
  host: string;
  action: string;
  version: string;
  region: string;
  contentType: string;
  payload: string;
  /** Every example shows the signature and the header; the first also shows each intermediate value. */
  expected: {
    hashedPayload?: string;
    canonicalRequest?: string;
    hashedCanonicalRequest?: string;
    stringToSign?: string;
    signature: string;
    authorization: string;
  };
}

/** The published examples. */
export const TC3_VECTORS: readonly Tc3Vector[] = [
  {
    name: "doc-example-keys",
    secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
    secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
    timestamp: 1551113065,
    service: "cvm",
    host: "cvm.tencentcloudapi.com",
    action: "DescribeInstances",
    version: "2017-03-12",
    region: "ap-guangzhou",
    contentType: "application/json; charset=utf-8",
    payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    expected: {
      hashedPayload: "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
      canonicalRequest:
        "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
      hashedCanonicalRequest: "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
      stringToSign:
        "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
      signature: "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
      authorization:
        "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    },
  },
  {
    name: "doc-masked-keys",
    secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******",
    secretKey: "Gu5t9xGARNpq86cd98joQYCN3*******",
    timestamp: 1551113065,
    service: "cvm",
    host: "cvm.tencentcloudapi.com",
    action: "DescribeInstances",
    version: "2017-03-12",
    region: "ap-guangzhou",
    contentType: "application/json; charset=utf-8",
    payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    expected: {
      signature: "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
      authorization:
        "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
    },
  },
];
