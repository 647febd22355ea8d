import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CredentialHttpError, nodeFetcher } from "../../src/credentials/index.js";
import { rejection } from "./helpers.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("nodeFetcher", () => {
  it("sends method, headers and body with its byte length, and returns status and text", async () => {
    const scope = nock("https://sts.example.com", { reqheaders: { "x-tc-action": "Ping", "content-length": "14" } })
      .post("/", '{"a":"你好"}')
      .reply(201, "ok ✓");
    const res = await nodeFetcher({
      url: "https://sts.example.com/",
      method: "POST",
      headers: { "X-TC-Action": "Ping" },
      body: '{"a":"你好"}',
      timeoutMs: 1000,
    });
    expect(res).toEqual({ status: 201, body: "ok ✓" });
    scope.done();
  });

  it("fails with code timeout when the server is too slow", async () => {
    nock("http://slow.example.com").get("/").delay(2000).reply(200, "late");
    const error = await rejection(nodeFetcher({ url: "http://slow.example.com/", method: "GET", timeoutMs: 20 }));
    expect(error).toBeInstanceOf(CredentialHttpError);
    expect((error as CredentialHttpError).code).toBe("timeout");
  });

  it("fails with code aborted when the caller aborts, and does not send when already aborted", async () => {
    nock("http://slow.example.com").get("/").delay(2000).reply(200, "late");
    const controller = new AbortController();
    const pending = nodeFetcher({
      url: "http://slow.example.com/",
      method: "GET",
      timeoutMs: 5000,
      signal: controller.signal,
    });
    controller.abort();
    expect(((await rejection(pending)) as CredentialHttpError).code).toBe("aborted");

    const never = nock("http://idle.example.com").get("/").reply(200);
    const error = await rejection(
      nodeFetcher({ url: "http://idle.example.com/", method: "GET", timeoutMs: 5000, signal: AbortSignal.abort() }),
    );
    expect((error as CredentialHttpError).code).toBe("aborted");
    expect(never.isDone()).toBe(false);
  });

  it("refuses bodies over 1 MiB", async () => {
    nock("http://big.example.com")
      .get("/")
      .reply(200, "x".repeat(2 << 20));
    const error = await rejection(nodeFetcher({ url: "http://big.example.com/", method: "GET", timeoutMs: 5000 }));
    expect((error as CredentialHttpError).code).toBe("response too large");
  });

  it("reports connection failures by their socket error code", async () => {
    const error = await rejection(nodeFetcher({ url: "http://unlisted.example.com/", method: "GET", timeoutMs: 1000 }));
    expect((error as CredentialHttpError).code).toBe("ENETUNREACH");
  });
});
