import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESOLUTIONS, requireCoreBuild, typeCheck } from "../types/compile.js";
import { copyFixtureSpecs, linkNodeModules, REPO_ROOT, runCaptured, scratch } from "./helpers.js";

async function sources(pkg: string): Promise<string[]> {
  const entries = await readdir(path.join(pkg, "src"), { recursive: true });
  return entries
    .filter((e) => e.endsWith(".gen.ts"))
    .map((e) => path.join(pkg, "src", e))
    .sort();
}

const resolutions = Object.keys(RESOLUTIONS) as Array<keyof typeof RESOLUTIONS>;

describe("generated packages type-check with strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess", () => {
  let kettle: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    requireCoreBuild();
    const work = await scratch("typecheck");
    cleanup = work.cleanup;
    const specs = await copyFixtureSpecs(work.dir);
    const out = path.join(work.dir, "packages");
    const run = await runCaptured(["--specs", specs, "--out", out]);
    if (run.code !== 0) throw new Error(run.err);
    kettle = path.join(out, "kettle");
    await linkNodeModules(kettle);
  });
  afterAll(() => cleanup());

  it.each(resolutions)(
    "the kettle fixture package, outside the repository, under %s",
    async (resolution) => {
      const files = await sources(kettle);
      expect(files.map((f) => path.relative(kettle, f))).toContain("src/testing/cli.gen.ts");
      expect(typeCheck(files, resolution)).toEqual([]);
    },
    60_000,
  );

  it.each(resolutions)(
    "the committed Redis package under %s",
    async (resolution) => {
      expect(typeCheck(await sources(path.join(REPO_ROOT, "packages/redis")), resolution)).toEqual([]);
    },
    60_000,
  );
});
