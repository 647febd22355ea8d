import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { StructureSpec } from "../../../src/spec/types.js";
import { FIXTURES, REDIS_DOCS, readJson, runDoc, tempDir } from "./helpers.js";

// Corpus test (`npm run test:corpus`): the real 2019 DataStructures.md lists InstanceParamHistory.PreValue
// twice. The action page reaching it is the project's own (the 2019 pages have none for this action).
const args = (out: string) => [
  path.join(FIXTURES, "redis-params/DescribeInstanceParamRecords.md"),
  path.join(REDIS_DOCS, "DataStructures.md"),
  "--out",
  out,
];

describe("the real DataStructures.md with InstanceParamHistory.PreValue listed twice", () => {
  it("is refused without a correction and imported with an overrides.json rename", async () => {
    const out = path.join(await tempDir(), "specs");
    const refused = await runDoc(args(out));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /DataStructures\.md:\d+: error: field "PreValue" of InstanceParamHistory is listed twice/,
    );

    await mkdir(path.join(out, "redis/2018-04-12"), { recursive: true });
    await writeFile(
      path.join(out, "redis/2018-04-12/overrides.json"),
      JSON.stringify({
        corrections: [
          {
            op: "renameMember",
            reason:
              "The page lists PreValue twice; the second row ('Value after modification') is NewValue in api.json.",
            structure: "InstanceParamHistory",
            member: "PreValue",
            occurrence: 2,
            to: "NewValue",
          },
        ],
      }),
    );
    const run = await runDoc(args(out));
    expect(run.code).toBe(0);
    const history = await readJson<StructureSpec>(
      path.join(out, "redis/2018-04-12/structures/InstanceParamHistory.json"),
    );
    expect(history.members.map((m) => m.name)).toEqual(["ParamName", "PreValue", "NewValue", "Status", "ModifyTime"]);
  });
});
