import { describe, expect, it } from "vitest";
import { parseSampleRequest, SampleParseError } from "../../../src/importers/common/sample-request.js";

describe("parseSampleRequest", () => {
  it("reads a GET sample spread over lines with \\r\\n, dropping placeholders, Action and common parameters", () => {
    const text =
      "https://demo.tencentcloudapi.com/?Action=DescribeX\r\n&InstanceIds.0=crs-1\r\n&Region=ap-guangzhou\r\n" +
      "&BeginTime=2019-09-08 12:12:41\r\n&Name=a%20b\r\n&<Common request parameter>";
    expect(parseSampleRequest(text)).toEqual({
      form: "query",
      action: "DescribeX",
      params: [
        ["InstanceIds.0", "crs-1"],
        ["BeginTime", "2019-09-08 12:12:41"],
        ["Name", "a b"],
      ],
    });
  });

  it("reads a single-line GET sample and keeps a stray % literally", () => {
    const parsed = parseSampleRequest("https://x.tencentcloudapi.com/?Action=A&Ratio=50%&<Common request parameters>");
    expect(parsed).toEqual({ form: "query", action: "A", params: [["Ratio", "50%"]] });
  });

  it("finds the body of a POST sample whose line breaks were lost", () => {
    const flat =
      'POST / HTTP/1.1Host: x.tencentcloudapi.comX-TC-Action: A<Common request parameters>{    "Product": "redis"}';
    expect(parseSampleRequest(flat)).toEqual({ form: "json", body: { Product: "redis" } });
  });

  it("reads the body after the headers of a POST sample, and an empty body as {}", () => {
    const post = 'POST / HTTP/1.1\nHost: x\nX-TC-Action: A\n<Common request parameters>\n\n{\n  "A": [1, 2]\n}';
    expect(parseSampleRequest(post)).toEqual({ form: "json", body: { A: [1, 2] } });
    expect(parseSampleRequest("POST / HTTP/1.1\nHost: x\n")).toEqual({ form: "json", body: {} });
  });

  it("fails with a reason on an invalid POST body or a parameter without '='", () => {
    expect(() => parseSampleRequest('POST / HTTP/1.1\n\n{"A": }')).toThrow(SampleParseError);
    expect(() => parseSampleRequest('POST / HTTP/1.1\n\n{"A": }')).toThrow(/POST body is not valid JSON/);
    expect(() => parseSampleRequest("https://x/?Action=A&Broken")).toThrow(/"Broken" has no "key=value" form/);
    expect(() => parseSampleRequest("just words")).toThrow(/neither a POST body nor a URL/);
  });
});
