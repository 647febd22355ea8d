import nock from "nock";
import { describe, expect, it } from "vitest";
import type { ActionMeta } from "../../src/meta.js";
import { API, apiError, clearInstance, describeTaskInfo, newClient, ok, useNock } from "./fixtures.js";

useNock();

/** Queues the given replies (status, body) for successive attempts. */
function replies(...answers: [number, unknown][]): void {
  for (const [status, body] of answers)
    nock(API)
      .post("/")
      .reply(status, body as nock.Body);
}

/** nock only emits Error instances (not plain objects) as request errors. */
const socketError = (code: string) => Object.assign(new Error(`${code} from nock`), { code });

const request = (action: ActionMeta) => (action === describeTaskInfo ? { TaskId: 1 } : { InstanceId: "crs-1" });

describe("ServiceClient retries", () => {
  it("retries RequestLimitExceeded even for mutating actions, then succeeds", async () => {
    replies(
      [200, apiError("RequestLimitExceeded")],
      [200, apiError("RequestLimitExceeded.UinLimitExceeded")],
      [200, ok({ TaskId: 7 })],
    );
    await expect(newClient().invoke(clearInstance, request(clearInstance))).resolves.toEqual({
      TaskId: 7,
      RequestId: "req-ok",
    });
  });

  it("gives up after maxAttempts (default 3), recording the attempts", async () => {
    replies(
      [200, apiError("RequestLimitExceeded")],
      [200, apiError("RequestLimitExceeded")],
      [200, apiError("RequestLimitExceeded", "last", "req-3")],
    );
    await expect(newClient().invoke(describeTaskInfo, request(describeTaskInfo))).rejects.toMatchObject({
      code: "RequestLimitExceeded",
      requestId: "req-3",
      attempts: 3,
      retryable: true,
    });
  });

  it("honours a custom maxAttempts", async () => {
    replies(...Array.from({ length: 5 }, (): [number, unknown] => [200, apiError("InternalError")]));
    await expect(
      newClient({ retry: { maxAttempts: 5, baseDelayMs: 1 } }).invoke(describeTaskInfo, request(describeTaskInfo)),
    ).rejects.toMatchObject({ attempts: 5 });
  });

  it.each([
    ["InternalError", [200, apiError("InternalError")]],
    ["HTTP 502 HTML", [502, "<html>Bad Gateway</html>"]],
    ["HTTP 500 API error", [500, apiError("FailedOperation")]],
  ] as [string, [number, unknown]][])("retries %s only for read-only actions", async (_name, answer) => {
    replies(answer, [200, ok()]);
    await expect(newClient().invoke(describeTaskInfo, request(describeTaskInfo))).resolves.toEqual({
      RequestId: "req-ok",
    });
    replies(answer);
    await expect(newClient().invoke(clearInstance, request(clearInstance))).rejects.toMatchObject({
      attempts: 1,
      retryable: false,
    });
  });

  it.each(["AuthFailure.SignatureExpire", "InvalidParameter", "ResourceNotFound", "UnauthorizedOperation"])(
    "never retries %s",
    async (code) => {
      replies([200, apiError(code)]);
      await expect(newClient().invoke(describeTaskInfo, request(describeTaskInfo))).rejects.toMatchObject({
        code,
        attempts: 1,
        retryable: false,
      });
    },
  );

  it("does not retry at all with retry: false", async () => {
    replies([200, apiError("RequestLimitExceeded")]);
    await expect(newClient({ retry: false }).invoke(describeTaskInfo, request(describeTaskInfo))).rejects.toMatchObject(
      {
        attempts: 1,
        retryable: true,
      },
    );
  });

  it("retries connection failures before sending, for any action", async () => {
    nock(API).post("/").replyWithError(socketError("ECONNREFUSED"));
    nock(API).post("/").replyWithError(socketError("ENOTFOUND"));
    replies([200, ok()]);
    await expect(newClient().invoke(clearInstance, request(clearInstance))).resolves.toEqual({ RequestId: "req-ok" });
  });

  it("signs each attempt afresh with the current clock", async () => {
    let now = Date.UTC(2024, 2, 1, 23, 59, 59, 900);
    const timestamps: string[] = [];
    const scopes: string[] = [];
    for (const answer of [apiError("RequestLimitExceeded"), ok()]) {
      nock(API)
        .post("/")
        .reply(function () {
          timestamps.push(String(this.req.headers["x-tc-timestamp"]));
          scopes.push(/Credential=[^/]+\/([^/]+)\//.exec(String(this.req.headers["authorization"]))![1]!);
          now += 200;
          return [200, answer];
        });
    }
    await newClient({ now: () => now }).invoke(describeTaskInfo, request(describeTaskInfo));
    expect(timestamps).toEqual([
      String(Math.floor(Date.UTC(2024, 2, 1, 23, 59, 59) / 1000)),
      String(Date.UTC(2024, 2, 2) / 1000),
    ]);
    expect(scopes).toEqual(["2024-03-01", "2024-03-02"]);
  });
});
