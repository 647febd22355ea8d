import nock from "nock";
import { describe, expect, it } from "vitest";
import { isTencentCloudError, MalformedResponseError, TencentCloudError } from "../../src/errors/index.js";
import { API, apiError, clearInstance, describeTaskInfo, newClient, useNock } from "./fixtures.js";

useNock();

describe("ServiceClient response handling", () => {
  it("turns Response.Error into a TencentCloudError with code, message, RequestId and context", async () => {
    nock(API)
      .post("/")
      .reply(200, apiError("ResourceNotFound.InstanceNotExists", "The instance does not exist.", "req-42"));
    const failure = newClient().invoke(clearInstance, { InstanceId: "crs-1" });
    await expect(failure).rejects.toBeInstanceOf(TencentCloudError);
    await expect(failure).rejects.toMatchObject({
      code: "ResourceNotFound.InstanceNotExists",
      message: "The instance does not exist.",
      requestId: "req-42",
      httpStatus: 200,
      service: "redis",
      action: "ClearInstance",
      attempts: 1,
      retryable: false,
    });
    await expect(failure).rejects.toSatisfy((e) => isTencentCloudError(e, "ResourceNotFound.InstanceNotExists"));
  });

  it("reports an HTML 502 page with its status and a short excerpt", async () => {
    const page = `<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>${"x".repeat(1000)}</body></html>`;
    nock(API).post("/").reply(502, page, { "Content-Type": "text/html" });
    const failure = newClient().invoke(clearInstance, { InstanceId: "crs-1" });
    await expect(failure).rejects.toBeInstanceOf(MalformedResponseError);
    const error = (await failure.catch((e: unknown) => e)) as MalformedResponseError;
    expect(error).toMatchObject({ httpStatus: 502, reason: "not-json", attempts: 1, retryable: false });
    expect(error.excerpt.startsWith("<html> <head><title>502 Bad Gateway</title></head> <body>xxx")).toBe(true);
    expect(error.excerpt).toHaveLength(200);
    expect(error.message).toMatch(/^HTTP 502 with a body that is not JSON: "<html>/);
  });

  it("reports a truncated JSON body as truncated", async () => {
    nock(API).post("/").reply(200, '{"Response": {"RequestId": "r", "InstanceSet": [{"InstanceId": "crs-');
    await expect(newClient().invoke(clearInstance, { InstanceId: "crs-1" })).rejects.toMatchObject({
      name: "MalformedResponseError",
      reason: "truncated",
      httpStatus: 200,
    });
  });

  it("reports JSON without Response, and a Response.Error without Code", async () => {
    nock(API).post("/").reply(200, { Result: {} });
    await expect(newClient().invoke(clearInstance, { InstanceId: "crs-1" })).rejects.toMatchObject({
      name: "MalformedResponseError",
      reason: "missing-response",
      excerpt: '{"Result":{}}',
    });
    nock(API)
      .post("/")
      .reply(200, { Response: { Error: { Message: "no code" }, RequestId: "r" } });
    await expect(newClient().invoke(clearInstance, { InstanceId: "crs-1" })).rejects.toThrow(
      /Response\.Error lacking Code/,
    );
  });

  it("treats a 5xx with a Response but no Error as malformed", async () => {
    nock(API)
      .post("/")
      .reply(503, { Response: { RequestId: "r" } });
    await expect(newClient({ retry: false }).invoke(describeTaskInfo, { TaskId: 1 })).rejects.toMatchObject({
      name: "MalformedResponseError",
      httpStatus: 503,
      reason: "missing-response",
    });
  });

  it("reports an API error carried by a 5xx with its status", async () => {
    nock(API).post("/").reply(500, apiError("InternalError", "boom"));
    await expect(newClient({ retry: false }).invoke(describeTaskInfo, { TaskId: 1 })).rejects.toMatchObject({
      code: "InternalError",
      httpStatus: 500,
      retryable: true,
      attempts: 1,
    });
  });
});
