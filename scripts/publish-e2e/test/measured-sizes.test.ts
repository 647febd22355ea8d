import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type MeasuredSize, measuredSizesJson } from "../measured-sizes.js";

const FILE = fileURLToPath(new URL("../../../generator/templates/measured-sizes.json", import.meta.url));

describe("generator/templates/measured-sizes.json", () => {
  it("is exactly what `npm run test:publish -- --write-sizes` writes for its figures", () => {
    const text = readFileSync(FILE, "utf8");
    const { $comment: _comment, ...sizes } = JSON.parse(text) as Record<string, MeasuredSize> & { $comment: string };
    expect(Object.keys(sizes).length).toBeGreaterThan(0);
    for (const size of Object.values(sizes)) {
      for (const figure of [size.packed, size.unpacked, size.installed])
        expect(figure).toMatch(/^\d+\.\d (kB)$|^\d+\.\d\d MB$/);
    }
    expect(text).toBe(measuredSizesJson(sizes));
  });
});
