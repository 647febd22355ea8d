import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { importBulk } from "../../src/importers/bulk/import-bulk.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const source = path.resolve(repoRoot, "../shared/reference/redis-2018-04-12");

describe("committed Redis specs", () => {
  let out: string | undefined;
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("are exactly what the bulk importer produces from ../shared today", async () => {
    out = await mkdtemp(path.join(os.tmpdir(), "redis-fresh-"));
    await cp(path.join(repoRoot, "specs"), out, { recursive: true });
    // The common codes too: specs/common/errors.json must be what upstream publishes today.
    const result = await importBulk(source, { out, commonErrors: path.join(source, "../common-errors.json") });
    // Anything written or removed means the committed specs drifted from importer or source.
    expect({ written: result.written, removed: result.removed }).toEqual({ written: [], removed: [] });
    expect(result.counts).toMatchObject({
      actions: 118,
      structures: 64,
      serviceErrorCodes: 111,
      commonErrorCodes: 38,
      samples: 119,
    });
    expect(result.warnings.filter((w) => w.includes("is not valid JSON")).map((w) => w.split(" ")[0])).toEqual([
      "AllocateWanAddress",
      "DescribeInstances",
      "ReleaseWanAddress",
    ]);
  });
});
