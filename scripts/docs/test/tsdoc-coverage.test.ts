import { describe, expect, it } from "vitest";
import { measureTsdocCoverage } from "../tsdoc-coverage.js";

// One TypeDoc conversion of core: about 20 s alone, much more on a busy 2-core machine.
const TIMEOUT_MS = 240_000;

describe("TSDoc coverage of @org/tc-core", () => {
  it(
    "documents every public symbol (export, member, option) the reference site renders",
    async () => {
      const [core] = await measureTsdocCoverage(["@org/tc-core"]);
      expect(core?.total).toBeGreaterThan(300);
      expect(core?.undocumented).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
