import { describe, expect, it } from "vitest";
import { detectStream, streamField } from "../../src/importers/bulk/stream.js";
import type { SpecMember } from "../../src/spec/types.js";

const member = (name: string, kind: "boolean" | "string", description: string): SpecMember => ({
  name,
  type: { kind },
  required: false,
  nullable: false,
  description,
  deprecated: false,
});

describe("detectStream", () => {
  it("finds the boolean member whose description names SSE or streaming output", () => {
    expect(
      detectStream([
        member("Model", "string", "x"),
        member("Stream", "boolean", "Results are returned via the SSE protocol."),
      ]),
    ).toEqual({
      member: "Stream",
    });
    expect(detectStream([member("Stream", "boolean", "Whether it is streaming output.")])).toEqual({
      member: "Stream",
    });
    expect(streamField([member("Stream", "boolean", "Server-Sent Events when true")])).toEqual({
      stream: { member: "Stream" },
    });
  });

  it("ignores live streams, upstream/downstream, non-booleans and ambiguous pairs", () => {
    expect(
      detectStream([member("RemoveWatermark", "boolean", "If true, the original stream will be recorded.")]),
    ).toBeUndefined();
    expect(detectStream([member("DeleteMode", "boolean", "true: downstream tasks run normally")])).toBeUndefined();
    expect(detectStream([member("Mode", "string", "streaming or not")])).toBeUndefined();
    expect(detectStream([member("A", "boolean", "streaming"), member("B", "boolean", "SSE")])).toBeUndefined();
    expect(streamField([])).toEqual({});
  });
});
