import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBulk } from "../../src/importers/bulk/import-bulk.js";
import { runCaptured, scratch } from "./helpers.js";

const CATALOGUE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/catalogue");

/**
 * The README's "Adding a service" recipe on a service that is not shipped (`demo`, two versions):
 * import each version, pick names where the rule's choice is not wanted, generate.
 */
describe("adding a service: import, pick names, generate", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await scratch("recipe"));
  });
  afterEach(() => cleanup());

  it("produces one package with both versions, the chosen names, and keeps them on re-import", async () => {
    const specs = path.join(dir, "specs");
    const out = path.join(dir, "packages");
    const common = path.join(CATALOGUE, "common-errors.json");
    // 1. Import every version (into an empty specs folder: the common codes come with --common).
    for (const version of ["demo-2020-01-01", "demo-2021-06-01"]) {
      await importBulk(path.join(CATALOGUE, version), { out: specs, commonErrors: common });
    }
    // 2. Pick names: the rule would call Invoke `invokeAction`; the maintainer prefers `runProgram`.
    const serviceFile = path.join(specs, "demo/2021-06-01/service.json");
    const service = JSON.parse(await readFile(serviceFile, "utf8")) as Record<string, unknown>;
    await writeFile(
      serviceFile,
      JSON.stringify({ ...service, title: "Demo Widgets", names: { methods: { Invoke: "runProgram" } } }),
    );
    // Re-importing keeps the curated choices.
    await importBulk(path.join(CATALOGUE, "demo-2021-06-01"), { out: specs, commonErrors: common });
    expect(JSON.parse(await readFile(serviceFile, "utf8"))).toMatchObject({
      title: "Demo Widgets",
      names: { methods: { Invoke: "runProgram" } },
    });

    // 3. Generate.
    const run = await runCaptured(["--specs", specs, "--out", out]);
    expect(run.err).not.toContain("Invalid specs");
    expect(run.code).toBe(0);
    const pkg = path.join(out, "demo");
    const client = await readFile(path.join(pkg, "src/2021-06-01/client.gen.ts"), "utf8");
    expect(client).toContain("runProgram(request: InvokeRequest");
    expect(client).toContain("return operations.runProgram(this, request, options);");
    const operations = await readFile(path.join(pkg, "src/2021-06-01/operations.gen.ts"), "utf8");
    expect(operations).toContain("return client.invoke<InvokeResponse>(actions.runProgram, request, options);");
    const models = await readFile(path.join(pkg, "src/2021-06-01/models.gen.ts"), "utf8");
    expect(models).toContain("export interface Credentials {");
    const index = await readFile(path.join(pkg, "src/2021-06-01/index.gen.ts"), "utf8");
    expect(index).not.toMatch(/\bCredentials\b/);
    expect(await readFile(path.join(pkg, "src/index.gen.ts"), "utf8")).toContain(
      'export * from "./2021-06-01/index.gen.js";',
    );
    const manifest = JSON.parse(await readFile(path.join(pkg, "package.json"), "utf8")) as {
      name: string;
      description: string;
    };
    expect(manifest.name).toBe("@org/tc-demo");
    expect(manifest.description).toMatch(/^Demo Widgets \(APIs 2020-01-01, 2021-06-01\)/);
  }, 120_000);
});
