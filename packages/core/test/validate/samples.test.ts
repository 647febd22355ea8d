import { describe, expect, it } from "vitest";
import { validateRequest } from "../../src/validate/index.js";
import { fixture } from "../testing/fixture.js";

const samples = Object.entries(fixture.samples).flatMap(([name, list]) =>
  list.map((sample) => [name, sample.request] as const),
);

describe("validation of sample requests (fixture service)", () => {
  it.each(samples)("%s: a sample request validates", (name, request) => {
    expect(validateRequest(fixture.meta.shapes ?? {}, `${name}Request`, request)).toEqual([]);
  });

  it.each(samples)("%s: the sample with its first member misspelt is rejected, naming the member", (name, request) => {
    const [first, value] = Object.entries(request)[0]!;
    const typo: Record<string, unknown> = { ...request, [first.toUpperCase()]: value };
    delete typo[first];
    expect(validateRequest(fixture.meta.shapes ?? {}, `${name}Request`, typo)).toContain(
      `${first.toUpperCase()}: unknown member (did you mean ${first}?)`,
    );
  });
});
