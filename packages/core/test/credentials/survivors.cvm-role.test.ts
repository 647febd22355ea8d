// Behaviours of `cvm-role.ts`, `http.ts` and `expiry.ts` that mutation testing showed no other test pinned down.
import { describe, expect, it } from "vitest";
import {
  CredentialHttpError,
  type CredentialHttpRequest,
  type CredentialHttpResponse,
  cvmRoleCredentials,
  isCredentialsError,
} from "../../src/credentials/index.js";
import { rejection, SECRET, TOKEN } from "./helpers.js";

const BASE = "http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/";
const WHERE = `CVM instance role (${BASE})`;
const T0 = Date.UTC(2024, 0, 1);

const keys = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    TmpSecretId: "AKIDtmp",
    TmpSecretKey: SECRET,
    Token: TOKEN,
    ExpiredTime: T0 / 1000 + 3600,
    ...extra,
  });

/** A metadata service answering from a table of path → response (or error), recording the URLs asked. */
function metadata(routes: Record<string, CredentialHttpResponse | Error>) {
  const urls: string[] = [];
  const requests: CredentialHttpRequest[] = [];
  const fetch = async (request: CredentialHttpRequest): Promise<CredentialHttpResponse> => {
    urls.push(request.url);
    requests.push(request);
    const answer = routes[request.url.slice(BASE.length)];
    if (answer === undefined) return { status: 404, body: "" };
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch, urls, requests, now: () => T0 };
}

describe("cvmRoleCredentials edge cases", () => {
  it("takes the first non-blank line of the role list, whatever its line endings", async () => {
    for (const list of ["first\nsecond", "\n  \r\nfirst\r\nsecond\r\n", "  first  "]) {
      const md = metadata({ "": { status: 200, body: list }, first: { status: 200, body: keys() } });
      expect((await cvmRoleCredentials(md)()).secretId).toBe("AKIDtmp");
      expect(md.urls).toEqual([BASE, `${BASE}first`]);
    }
  });

  it("reports itself missing when the role list is blank", async () => {
    const error = await rejection(cvmRoleCredentials(metadata({ "": { status: 200, body: " \n\r\n" } }))());
    expect(isCredentialsError(error) && error.missing).toBe(true);
    expect(error.message).toBe(`No credentials from ${WHERE}: no CAM role bound to this instance`);
  });

  it("fails (not missing) when the role list answers an unexpected status", async () => {
    const error = await rejection(cvmRoleCredentials(metadata({ "": { status: 500, body: "r" } }))());
    expect(isCredentialsError(error) && error.missing).toBe(false);
    expect(error.message).toBe(`${WHERE}: role list returned HTTP 500`);
  });

  it("with a given role (no discovery), an unreachable host means not on a CVM: missing, naming the code", async () => {
    const down = new CredentialHttpError("ECONNREFUSED");
    const error = await rejection(cvmRoleCredentials({ ...metadata({ r: down }), roleName: "r" })());
    expect(isCredentialsError(error) && error.missing).toBe(true);
    expect(error.message).toBe(`No credentials from ${WHERE}: unreachable (ECONNREFUSED)`);
  });

  it("names a failure that is not a CredentialHttpError 'network error', keeping it as the cause", async () => {
    const discovery = await rejection(cvmRoleCredentials(metadata({ "": new TypeError("boom") }))());
    expect(discovery.message).toBe(`No credentials from ${WHERE}: unreachable (network error)`);
    expect(isCredentialsError(discovery) && discovery.sources).toEqual([
      { source: WHERE, detail: "unreachable (network error)" },
    ]);
    const boom = new TypeError("boom");
    const after = await rejection(cvmRoleCredentials(metadata({ "": { status: 200, body: "r" }, r: boom }))());
    expect(after.message).toBe(`${WHERE}: request failed (network error)`);
    expect(after.cause).toBe(boom);
  });

  it("after discovery, an unreachable credentials URL is a failure, not a missing source", async () => {
    const md = metadata({ "": { status: 200, body: "r" }, r: new CredentialHttpError("timeout") });
    const error = await rejection(cvmRoleCredentials(md)());
    expect(isCredentialsError(error) && error.missing).toBe(false);
    expect(error.message).toBe(`${WHERE}: request failed (timeout)`);
  });

  it("asks with GET, its timeout budget (default 1000 ms) and the role name URL-encoded", async () => {
    const md = metadata({ "a%40b": { status: 200, body: keys() } });
    await cvmRoleCredentials({ ...md, roleName: "a@b", timeoutMs: 250 })();
    expect(md.requests).toEqual([{ url: `${BASE}a%40b`, method: "GET", timeoutMs: 250 }]);
    const defaults = metadata({ "": { status: 200, body: "r" }, r: { status: 200, body: keys() } });
    await cvmRoleCredentials(defaults)();
    expect(defaults.requests.map((r) => r.timeoutMs)).toEqual([1000, 1000]);
  });

  it("uses a custom endpoint as the base of both requests and in its messages", async () => {
    const urls: string[] = [];
    const error = await rejection(
      cvmRoleCredentials({
        endpoint: "http://127.0.0.1:9/meta/",
        fetch: async (r) => {
          urls.push(r.url);
          return { status: 200, body: urls.length === 1 ? "r" : "{}" };
        },
        now: () => T0,
      })(),
    );
    expect(urls).toEqual(["http://127.0.0.1:9/meta/", "http://127.0.0.1:9/meta/r"]);
    expect(error.message).toBe(
      "CVM instance role (http://127.0.0.1:9/meta/), role r: response lacks TmpSecretId, TmpSecretKey, Token, ExpiredTime",
    );
  });

  it("treats empty strings and non-numeric or non-finite ExpiredTime as missing fields", async () => {
    for (const [extra, lacks] of [
      [{ TmpSecretId: "", Token: "" }, "TmpSecretId, Token"],
      [{ ExpiredTime: String(T0 / 1000 + 3600) }, "ExpiredTime"],
      [{ ExpiredTime: null }, "ExpiredTime"],
    ] as const) {
      const md = metadata({ r: { status: 200, body: keys(extra) } });
      const error = await rejection(cvmRoleCredentials({ ...md, roleName: "r" })());
      expect(error.message).toBe(`${WHERE}, role r: response lacks ${lacks}`);
    }
  });

  it("treats an ExpiredTime too large for a number (JSON 1e400 is Infinity) as missing", async () => {
    const body = keys().replace(/"ExpiredTime":\d+/, '"ExpiredTime":1e400');
    const error = await rejection(cvmRoleCredentials({ ...metadata({ r: { status: 200, body } }), roleName: "r" })());
    expect(error.message).toBe(`${WHERE}, role r: response lacks ExpiredTime`);
  });

  it("names the answer's Code only when it is a string other than Success, cut to 64 characters", async () => {
    const cases: [unknown, string][] = [
      ["Success", ""],
      [7, ""],
      ["x".repeat(100), ` (Code "${"x".repeat(64)}")`],
    ];
    for (const [Code, suffix] of cases) {
      const md = metadata({ r: { status: 200, body: JSON.stringify({ Code }) } });
      const error = await rejection(cvmRoleCredentials({ ...md, roleName: "r" })());
      expect(error.message).toBe(
        `${WHERE}, role r: response lacks TmpSecretId, TmpSecretKey, Token, ExpiredTime${suffix}`,
      );
    }
  });

  it("reports a JSON answer that is not an object as lacking every field", async () => {
    for (const body of ["null", "7", '"text"']) {
      const md = metadata({ r: { status: 200, body } });
      const error = await rejection(cvmRoleCredentials({ ...md, roleName: "r" })());
      expect(error.message).toBe(`${WHERE}, role r: response lacks TmpSecretId, TmpSecretKey, Token, ExpiredTime`);
    }
  });
});
