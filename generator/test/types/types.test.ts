import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { requireCoreBuild, typeCheck } from "./compile.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const USAGE = path.join(HERE, "cases/redis-usage.ts");
const MODULAR = path.join(HERE, "cases/redis-modular.ts");
const PROBE = path.join(HERE, "cases/probe.ts");
const PACKAGE = "@org/tc-redis";

describe("types a Redis caller sees", () => {
  beforeAll(requireCoreBuild);

  it.each(["node16", "bundler"] as const)(
    "hold under %s resolution: expected errors occur, equalities hold",
    (resolution) => {
      expect(typeCheck([USAGE, MODULAR], resolution)).toEqual([]);
    },
    60_000,
  );

  it("rejects describeTaskInfo({}) because TaskId is required", () => {
    const probe = `import { RedisClient } from "${PACKAGE}";\nexport const p = new RedisClient().describeTaskInfo({});\n`;
    const diagnostics = typeCheck([], "bundler", { [PROBE]: probe });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/probe\.ts:2: TS2345 .*Property 'TaskId' is missing/s);
  }, 60_000);

  it("lets a code outside the narrowed union compare (codes stay open), but not a non-string", () => {
    const probe = [
      `import { isRedisError } from "${PACKAGE}";`,
      "export function f(e: unknown): boolean {",
      '  return isRedisError(e, "describeTaskInfo") && e.code === "ResourceNotFound.AddedAfterGeneration";',
      "}",
      "export function g(e: unknown): boolean {",
      "  return isRedisError(e) && e.code === 42;",
      "}",
      "",
    ].join("\n");
    const diagnostics = typeCheck([], "node16", { [PROBE]: probe });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/probe\.ts:6: TS2367 /);
  }, 60_000);
});
