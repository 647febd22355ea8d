import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  CLAIMS,
  checkChainOrder,
  checkClaims,
  checkPackagesTable,
  computeFacts,
  type Facts,
  TABLE_END,
  TABLE_START,
} from "../check.js";

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

  it("README.md's table of shipped packages is what specs/ holds", () => {
    expect(checkPackagesTable(ROOT)).toEqual([]);
  });

  it("the table of shipped packages follows specs/: versions, the curated root, action counts and titles", () => {
    const service = (title: string, extra: object = {}) =>
      JSON.stringify({ packageName: "@org/tc-kettle", title, ...extra });
    const root = fixture({
      "specs/common/errors.json": "{}",
      "specs/schema/x.json": "{}",
      "specs/kettle/2021-03-01/service.json": service("Kettle", { default: true }),
      "specs/kettle/2021-03-01/actions/A.json": "{}",
      "specs/kettle/2021-03-01/actions/B.json": "{}",
      "specs/kettle/2024-06-01/service.json": service("Kettle Service"),
      "specs/kettle/2024-06-01/actions/A.json": "{}",
      "README.md": `${TABLE_START}\n| package | service | API versions | actions |\n| --- | --- | --- | --- |\n| [\`@org/tc-kettle\`](packages/kettle/README.md) | Kettle Service | \`2021-03-01\` (root), \`2024-06-01\` | 2 + 1 |\n| 1 packages | | 2 versions | 3 |\n${TABLE_END}\n`,
    });
    expect(checkPackagesTable(root)).toEqual([]);
    writeFileSync(path.join(root, "specs/kettle/2024-06-01/actions/C.json"), "{}");
    expect(checkPackagesTable(root)).toEqual([expect.stringContaining("| 2 + 2 |")]);
    writeFileSync(path.join(root, "README.md"), "no table\n");
    expect(checkPackagesTable(root)).toEqual([expect.stringMatching(/^README\.md: no table of shipped packages/)]);
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
