import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { CLAIMS, checkChainOrder, checkClaims, computeFacts, type Facts } from "../check.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let scratch: string | undefined;

function fixture(files: Record<string, string>): string {
  scratch = mkdtempSync(path.join(tmpdir(), "facts-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    writeFileSync(path.join(scratch, file), text);
  }
  return scratch;
}

afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe("one source per fact", () => {
  it("every README count agrees with the specs and core", () => {
    expect(checkClaims(ROOT, CLAIMS, computeFacts(ROOT))).toEqual([]);
  });

  it("every README, doc template and core comment names the credential sources in the chain's order", () => {
    expect(checkChainOrder(ROOT)).toEqual([]);
  });

  it("computes the counts from the specs", () => {
    const facts = computeFacts(ROOT);
    expect(facts.actions).toBeGreaterThan(100);
    expect(facts.readOnlyActions).toBeLessThan(facts.actions);
    expect(facts.coreRuntimeDependencies).toBeGreaterThanOrEqual(0);
  });

  it("reports a count that differs from its source, and a claim whose sentence is gone", () => {
    const root = fixture({ "a.md": "We ship 12 actions today.\n", "b.md": "reworded\n" });
    const facts = { actions: 13 } as Facts;
    expect(
      checkClaims(
        root,
        [
          { file: "a.md", pattern: /ship (?<actions>\d+) actions/ },
          { file: "b.md", pattern: /ship (?<actions>\d+) actions/ },
        ],
        facts,
      ),
    ).toEqual(["a.md: says 12 for actions, the source says 13", expect.stringMatching(/^b\.md: no sentence matches/)]);
  });

  it("flags the CVM role named before TKE OIDC, in prose, lists and comments alike", () => {
    const root = fixture({
      "README.md": "Intro.\n\nCredentials from env, profile file, CVM role or TKE OIDC.\n",
      "packages/x/README.md": "1. environment;\n2. profile file;\n3. TKE OIDC;\n4. CVM role.\n",
      "packages/x/src/a.ts": "/**\n * Credentials come from the environment, the CVM role or TKE OIDC.\n */\n",
    });
    expect(checkChainOrder(root, ["README.md", "packages"])).toEqual([
      expect.stringMatching(/^README\.md:3: names the credential sources out of order/),
      expect.stringMatching(/^packages\/x\/src\/a\.ts:1: names the credential sources out of order/),
    ]);
  });
});
