import { inspect } from "node:util";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { stderrLogger } from "../../src/client/logger.js";
import { API, apiError, clearInstance, describeTaskInfo, newClient, ok, useNock } from "./fixtures.js";

useNock();

const CANARY_KEY = "CANARYsecretKEY0123456789abcdef";
const CANARY_TOKEN = "CANARYsessionTOKEN0123456789";

describe("redaction canary", () => {
  it("never lets the secret key, token, Authorization or signature reach logs, hooks or errors", async () => {
    const seenAuthorizations: string[] = [];
    const echo = function (this: nock.ReplyFnContext): nock.ReplyFnResult {
      seenAuthorizations.push(String(this.req.headers["authorization"]));
      // A misbehaving proxy that echoes request headers into its error page.
      return [502, `<html><pre>${JSON.stringify(this.req.headers)}</pre></html>`];
    };
    nock(API).post("/").reply(echo);
    nock(API).post("/").reply(echo);
    nock(API).post("/").reply(200, apiError("RequestLimitExceeded"));
    nock(API).post("/").reply(200, ok());
    nock(API)
      .post("/")
      .reply(function () {
        seenAuthorizations.push(String(this.req.headers["authorization"]));
        return [
          200,
          `{"Response": {"Token": "${CANARY_TOKEN}", "Auth": ${JSON.stringify(this.req.headers["authorization"])}`,
        ];
      });

    const output: string[] = [];
    const stderrWrite = process.stderr.write;
    process.stderr.write = ((chunk: string) => output.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const client = newClient({
        credentials: { secretId: "AKIDCANARY", secretKey: CANARY_KEY, token: CANARY_TOKEN },
        logger: stderrLogger,
        hooks: {
          beforeAttempt: (e) => output.push(JSON.stringify(e), inspect(e, { depth: 10 })),
          afterAttempt: (e) => output.push(JSON.stringify(e), inspect(e, { depth: 10 })),
        },
      });
      const errors: unknown[] = [];
      await client.invoke(clearInstance, { InstanceId: "crs-1" }).catch((e: unknown) => errors.push(e));
      await client.invoke(describeTaskInfo, { TaskId: 1 }).catch((e: unknown) => errors.push(e));
      await client.invoke(clearInstance, { InstanceId: "crs-2" }).catch((e: unknown) => errors.push(e));
      await client.invoke(clearInstance, { Password: CANARY_KEY }).catch((e: unknown) => errors.push(e));
      for (const error of errors) {
        output.push(
          String(error),
          JSON.stringify(error),
          inspect(error, { depth: 10, showHidden: true }),
          (error as Error).stack ?? "",
        );
      }
      output.push(inspect(client, { depth: 10, showHidden: true }));
      expect(errors.map((e) => (e as Error).name)).toEqual([
        "MalformedResponseError",
        "MalformedResponseError",
        "ValidationError",
      ]);
    } finally {
      process.stderr.write = stderrWrite;
    }

    const text = output.join("\n");
    expect(text).toContain("tc:core send");
    expect(text).toContain("[REDACTED]");
    expect(seenAuthorizations.length).toBe(3);
    const signatures = seenAuthorizations.map((a) => /Signature=([0-9a-f]{64})/.exec(a)![1]!);
    for (const secret of [CANARY_KEY, CANARY_TOKEN, ...seenAuthorizations, ...signatures]) {
      expect(text.includes(secret), `leaked ${secret.slice(0, 12)}…`).toBe(false);
    }
  });
});
