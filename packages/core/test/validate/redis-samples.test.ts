import { describe, expect, it } from "vitest";
import { validateRequest } from "../../src/validate/index.js";
import { loadRedisSpecs } from "../testing/redis-specs.js";

const { meta, actions } = loadRedisSpecs();

describe("Redis spec samples", () => {
  it("covers the whole service", () => {
    expect(actions).toHaveLength(118);
    expect(actions.filter((a) => a.samples.length > 0).length).toBeGreaterThanOrEqual(115);
  });

  it.each(actions.filter((a) => a.samples.length > 0).map((a) => [a.name, a] as const))(
    "%s: every sample request validates",
    (name, action) => {
      const problems = action.samples
        .map((s) => validateRequest(meta.shapes, `${name}Request`, s.request).join("; "))
        .filter(Boolean);
      expect(problems).toEqual([]);
    },
  );

  it("rejects each sample with a typo in one of its members", () => {
    let checked = 0;
    for (const action of actions) {
      for (const sample of action.samples) {
        const [first, value] = Object.entries(sample.request)[0] ?? [];
        if (first === undefined) continue;
        const typo = { ...sample.request, [first.toUpperCase()]: value };
        if (first === first.toUpperCase()) continue;
        delete typo[first];
        const problems = validateRequest(meta.shapes, `${action.name}Request`, typo);
        expect(problems).toContain(`${first.toUpperCase()}: unknown member (did you mean ${first}?)`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(80);
  });
});
