// Behaviours of `tke-oidc.ts` and `sts.ts` that mutation testing showed no other test pinned down.
import { describe, expect, it } from "vitest";
import {
  CredentialHttpError,
  type CredentialHttpRequest,
  type CredentialHttpResponse,
  isCredentialsError,
  type TkeOidcCredentialsOptions,
  tkeOidcCredentials,
} from "../../src/credentials/index.js";
import { parseStsCredentials } from "../../src/credentials/sts.js";
import { isTencentCloudError } from "../../src/errors/index.js";
import { rejection, SECRET, TOKEN } from "./helpers.js";

const T0 = Date.UTC(2024, 0, 1);
const WHERE = "TKE OIDC (TKE_REGION, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_ROLE_ARN)";
const CALL = `${WHERE}: STS AssumeRoleWithWebIdentity`;

/** A TKE pod's configuration with an in-memory token file and an injected STS answer. */
function pod(
  answer: (request: CredentialHttpRequest) => Promise<CredentialHttpResponse>,
  extra: Partial<TkeOidcCredentialsOptions> = {},
): { options: TkeOidcCredentialsOptions; requests: CredentialHttpRequest[] } {
  const requests: CredentialHttpRequest[] = [];
  return {
    requests,
    options: {
      env: {
        TKE_REGION: "ap-shanghai",
        TKE_PROVIDER_ID: "tke-oidc",
        TKE_WEB_IDENTITY_TOKEN_FILE: "/var/run/secrets/token",
        TKE_ROLE_ARN: "qcs::cam::uin/100000000001:roleName/pod-role",
      },
      readFile: async () => "jwt.token\n",
      fetch: (request) => {
        requests.push(request);
        return answer(request);
      },
      now: () => T0,
      ...extra,
    },
  };
}

const reply = (status: number, body: unknown) => async (): Promise<CredentialHttpResponse> => ({
  status,
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const validAnswer = {
  Response: {
    Credentials: { TmpSecretId: "AKIDoidc", TmpSecretKey: SECRET, Token: TOKEN },
    ExpiredTime: T0 / 1000 + 3600,
    RequestId: "r-ok",
  },
};

describe("tkeOidcCredentials edge cases", () => {
  it("rejects an invalid session name before calling STS", async () => {
    const { options, requests } = pod(reply(200, validAnswer), { roleSessionName: "x" });
    const error = await rejection(tkeOidcCredentials(options)());
    expect(error.message).toBe(`${WHERE}: roleSessionName must be 2-64 of letters, digits and +=,.@_-`);
    expect(isCredentialsError(error) && error.missing).toBe(false);
    expect(requests).toEqual([]);
  });

  it("names the fetcher's failure code, or 'network error' for a failure without one, keeping the cause", async () => {
    const timeout = new CredentialHttpError("timeout");
    const timedOut = await rejection(
      tkeOidcCredentials(
        pod(() => {
          throw timeout;
        }).options,
      )(),
    );
    expect(timedOut.message).toBe(`${CALL} request failed (timeout)`);
    expect(timedOut.cause).toBe(timeout);

    const plain = new TypeError("socket hang up");
    const other = await rejection(tkeOidcCredentials(pod(() => Promise.reject(plain)).options)());
    expect(other.message).toBe(`${CALL} request failed (network error)`);
    expect(other.cause).toBe(plain);
    expect(isCredentialsError(other) && other.missing).toBe(false);
  });

  it("tells an unreadable token file from a missing one, keeping the cause", async () => {
    const denied = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    const error = await rejection(
      tkeOidcCredentials(pod(reply(200, validAnswer), { readFile: () => Promise.reject(denied) }).options)(),
    );
    expect(error.message).toBe(
      "TKE web identity token file /var/run/secrets/token (TKE_WEB_IDENTITY_TOKEN_FILE) cannot be read",
    );
    expect(error.cause).toBe(denied);
  });

  it("strips every trailing slash of the endpoint", async () => {
    const { options, requests } = pod(reply(200, validAnswer), { endpoint: "http://127.0.0.1:9//" });
    await tkeOidcCredentials(options)();
    expect(requests.map((r) => r.url)).toEqual(["http://127.0.0.1:9/"]);
  });

  it.each([
    ["null", "null"],
    ["a string Response", '{"Response":"ok"}'],
    ["a null Response", '{"Response":null}'],
    ["no Response", '{"Credentials":{}}'],
  ])("reports a JSON answer with %s as lacking a Response object", async (_what, body) => {
    const error = await rejection(tkeOidcCredentials(pod(reply(503, body)).options)());
    expect(error.message).toBe(`${CALL} returned HTTP 503 without a Response object`);
    expect(isCredentialsError(error)).toBe(true);
  });

  it("reports an STS error with malformed fields using placeholders, with a TencentCloudError cause", async () => {
    const body = { Response: { Error: { Code: 42, Message: { text: SECRET } }, RequestId: 7 } };
    const error = await rejection(tkeOidcCredentials(pod(reply(400, body)).options)());
    expect(error.message).toBe(`${CALL} failed: UnknownError:  (RequestId )`);
    const cause = error.cause;
    expect(isTencentCloudError(cause)).toBe(true);
    expect(cause).toMatchObject({
      code: "UnknownError",
      message: "",
      requestId: "",
      httpStatus: 400,
      service: "sts",
      action: "AssumeRoleWithWebIdentity",
    });
  });

  it("gives the STS error's fields to its TencentCloudError cause", async () => {
    const body = { Response: { Error: { Code: "AuthFailure", Message: "bad token" }, RequestId: "r-9" } };
    const error = await rejection(tkeOidcCredentials(pod(reply(200, body)).options)());
    expect(error.cause).toMatchObject({
      code: "AuthFailure",
      message: "bad token",
      requestId: "r-9",
      httpStatus: 200,
      action: "AssumeRoleWithWebIdentity",
    });
  });
});

describe("parseStsCredentials edge cases", () => {
  const keys = { TmpSecretId: "AKIDsts", TmpSecretKey: SECRET, Token: TOKEN };

  it("treats empty key fields as missing", () => {
    expect(() =>
      parseStsCredentials({ Credentials: { TmpSecretId: "", TmpSecretKey: "", Token: "" }, ExpiredTime: 1e9 }, "sts"),
    ).toThrow(/^sts: response lacks Credentials\.TmpSecretId, Credentials\.TmpSecretKey, Credentials\.Token$/);
  });

  it("accepts an ExpiredTime the JSON parser returned as a bigint", () => {
    const c = parseStsCredentials({ Credentials: keys, ExpiredTime: BigInt(T0 / 1000 + 60) }, "sts");
    expect(c.expiresAt?.getTime()).toBe(T0 + 60_000);
  });

  it("rejects an ExpiredTime that is a numeric string or does not fit a finite number", () => {
    for (const ExpiredTime of [String(T0 / 1000 + 60), 10n ** 400n, Number.POSITIVE_INFINITY, undefined]) {
      expect(() => parseStsCredentials({ Credentials: keys, ExpiredTime }, "sts")).toThrow(
        /^sts: response lacks ExpiredTime$/,
      );
    }
  });
});
