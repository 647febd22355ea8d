import { describe, expect, it } from "vitest";
import { splitAnswer } from "../../src/testing/stream.js";

/** The value at `path` in each event. */
function at(events: object[], ...path: Array<string | number>): unknown[] {
  return events.map((event) => path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], event));
}

describe("splitAnswer (the local endpoint's default stream)", () => {
  // Shaped like Hunyuan's ChatTranslations sample: a UUID id and a disclaimer longer than the reply.
  const answer = {
    Id: "9c772634-8824-43e8-bc24-8bc4c19b9151",
    Note: "以上内容为AI生成，不代表开发者立场，请勿删除或修改本标记",
    Choices: [{ FinishReason: "stop", Delta: { Role: "assistant", Content: "你好！请问有什么我可以帮助你的吗？" } }],
    RequestId: "1f5bf165-be52-400c-a333-a32060eb63f4",
  };

  it("streams the text inside the list of choices, not an id or a note beside it", () => {
    const events = splitAnswer(answer);
    expect(events).toHaveLength(3);
    expect(at(events, "Choices", 0, "Delta", "Content").join("")).toBe(answer.Choices[0]!.Delta.Content);
    expect(new Set(at(events, "Choices", 0, "Delta", "Content")).size).toBe(3);
    expect(at(events, "Id")).toEqual([answer.Id, answer.Id, answer.Id]);
    expect(at(events, "Note")).toEqual([answer.Note, answer.Note, answer.Note]);
    expect(at(events, "RequestId")).toEqual([answer.RequestId, answer.RequestId, answer.RequestId]);
  });

  it("takes prose at the top level over a longer id, and an id only when nothing else is text", () => {
    const prose = splitAnswer({ Id: "ins-0123456789abcdef0123", Answer: "a short reply", RequestId: "r" });
    expect(at(prose, "Answer")).toEqual(["a sho", "rt re", "ply"]);
    expect(at(prose, "Id")).toEqual([
      "ins-0123456789abcdef0123",
      "ins-0123456789abcdef0123",
      "ins-0123456789abcdef0123",
    ]);

    const idsOnly = splitAnswer({ Id: "ins-abcdef", Code: "OK", RequestId: "r" });
    expect(at(idsOnly, "Id").join("")).toBe("ins-abcdef");
    expect(at(idsOnly, "Code")).toEqual(["OK", "OK", "OK"]);
  });

  it("sends the answer once when it has no text long enough to split", () => {
    expect(splitAnswer({ Count: 3, Ok: "no", RequestId: "a-long-request-id" })).toEqual([
      { Count: 3, Ok: "no", RequestId: "a-long-request-id" },
    ]);
  });
});
