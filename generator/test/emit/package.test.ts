import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageFilesEmitter } from "../../src/emit/emitters/package-files/package-files.js";
import { TEMPLATES_DIR } from "../../src/emit/emitters/package-files/templates.js";
import { emitPackage, runPackageEmitter } from "../../src/emit/index.js";
import { TsPrinter } from "../../src/emit/support/printer.js";
import { buildServiceIr, groupPackages } from "../../src/ir/index.js";
import { kettleFixture } from "../ir/fixture.js";
import { expectGolden, GOLDEN_DIR, kettlePackage } from "./golden.js";

const options = {
  generator: { name: "@org/tc-generator", version: "0.1.0" },
  release: { version: "0.1.0", coreRange: "^0.1.0" },
};

describe("the kettle package: two versions, index, testing entries, package files and provenance", async () => {
  const pkg = await kettlePackage();
  const ir = pkg.defaultVersion;
  const printer = new TsPrinter();
  const files = emitPackage(pkg, options, printer);

  it("matches its golden files, every one of them", async () => {
    for (const file of files) await expectGolden(file);
    const golden = await listFiles(GOLDEN_DIR);
    expect(golden).toEqual(files.map((f) => f.path));
  });

  it("holds each version in its own folder and re-exports the default one at the root", () => {
    expect(pkg.versions.map((v) => v.version)).toEqual(["2021-03-01", "2024-06-01"]);
    expect(ir.version).toBe("2021-03-01");
    expect(files.map((f) => f.path)).toEqual([
      "LICENSE",
      "README.md",
      "generated.json",
      "package.json",
      "scripts/build.gen.mjs",
      ...[
        "actions",
        "client",
        "errors",
        "index",
        "metadata",
        "models",
        "operations",
        "paginators",
        "testing/defaults",
        "testing/index",
        "testing/samples",
        "waiters",
      ].map((m) => `src/2021-03-01/${m}.gen.ts`),
      ...[
        "actions",
        "client",
        "errors",
        "index",
        "metadata",
        "models",
        "operations",
        "testing/index",
        "testing/samples",
      ].map((m) => `src/2024-06-01/${m}.gen.ts`),
      "src/index.gen.ts",
      "src/testing/cli.gen.ts",
      "src/testing/index.gen.ts",
      "test/smoke.gen.test.ts",
      "tsconfig.json",
      "tsup.config.gen.ts",
    ]);
    expect(files.find((f) => f.path === "src/index.gen.ts")!.content).toContain(
      'export * from "./2021-03-01/index.gen.js";',
    );
    expect(files.find((f) => f.path === "src/testing/index.gen.ts")!.content).toContain(
      'export * from "../2021-03-01/testing/index.gen.js";',
    );
    expect(emitPackage(pkg, options, new TsPrinter())).toEqual(files);
  });

  it("exports every version and its local endpoint, for import, require and node10 types", () => {
    const manifest = JSON.parse(files.find((f) => f.path === "package.json")!.content) as {
      exports: Record<
        string,
        { import: { types: string; default: string }; require: { types: string; default: string } } | string
      >;
      typesVersions: Record<string, Record<string, string[]>>;
    };
    expect(Object.keys(manifest.exports)).toEqual([
      ".",
      "./testing",
      "./2021-03-01",
      "./2021-03-01/testing",
      "./2024-06-01",
      "./2024-06-01/testing",
      "./package.json",
    ]);
    expect(manifest.exports["./2024-06-01/testing"]).toEqual({
      import: { types: "./dist/2024-06-01/testing/index.d.ts", default: "./dist/2024-06-01/testing/index.js" },
      require: { types: "./dist/2024-06-01/testing/index.d.cts", default: "./dist/2024-06-01/testing/index.cjs" },
    });
    expect(manifest.typesVersions["*"]!["2024-06-01"]).toEqual(["./dist/2024-06-01/index.d.cts"]);
  });

  it("without a version marked default, the root is the newest", () => {
    const { packages } = groupPackages(pkg.versions.map((v) => ({ ...v, isDefault: false })));
    expect(packages[0]!.defaultVersion.version).toBe("2024-06-01");
    const twice = groupPackages(pkg.versions.map((v) => ({ ...v, isDefault: true })));
    expect(twice.problems.map((p) => p.message)).toEqual([
      "only one version of kettle can be the default; kettle/2021-03-01 is one too",
    ]);
  });

  it("does not depend on the order specs were read in", () => {
    const shuffled = kettleFixture();
    shuffled.source.actions.reverse();
    shuffled.source.structures.reverse();
    shuffled.source.errors.codes = Object.fromEntries(Object.entries(shuffled.source.errors.codes).reverse());
    shuffled.specs.common.codes = Object.fromEntries(Object.entries(shuffled.specs.common.codes).reverse());
    const again = { ...pkg, versions: [buildServiceIr(shuffled.specs, shuffled.source), pkg.versions[1]!] };
    expect(emitPackage({ ...again, defaultVersion: again.versions[0]! }, options, new TsPrinter())).toEqual(files);
  });

  it("starts every file but the license with a header naming the spec", () => {
    for (const file of files) {
      if (file.path === "LICENSE") continue;
      const head = file.content.split("\n").slice(0, 3).join("\n");
      expect(head, file.path).toMatch(/Generated by @org\/tc-generator from specs kettle\/20/);
    }
  });

  it("keeps release-managed fields from the previous package.json", () => {
    const released = runPackageEmitter(
      packageFilesEmitter,
      pkg,
      { ...options, release: { version: "1.4.2", coreRange: "^1.2.0" } },
      printer,
    );
    const manifest = JSON.parse(released.find((f) => f.path === "package.json")!.content) as {
      version: string;
      dependencies: Record<string, string>;
    };
    expect(manifest.version).toBe("1.4.2");
    expect(manifest.dependencies).toEqual({ "@org/tc-core": "^1.2.0" });
  });

  it("records the spec hash and generator version", () => {
    const provenance = JSON.parse(files.find((f) => f.path === "generated.json")!.content) as Record<string, unknown>;
    expect(provenance["specs"]).toBe("kettle/2021-03-01, kettle/2024-06-01");
    expect(provenance["specHash"]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(provenance["specHash"]).not.toBe(`sha256:${ir.contentHash}`);
    expect(provenance["generator"]).toBe("@org/tc-generator@0.1.0");
  });

  it("keeps samples out of the main entries", () => {
    const main = files.filter((f) => f.path.startsWith("src/") && !f.path.includes("testing/"));
    for (const file of main) expect(file.content, file.path).not.toContain("6ef60bec-0242-43af-bb20-270359fb54a7");
    expect(files.find((f) => f.path === "src/2021-03-01/testing/samples.gen.ts")?.content).toContain(
      "6ef60bec-0242-43af-bb20-270359fb54a7",
    );
  });

  it("quotes the measured install size in the README only for packages that have one", async () => {
    const sizes = JSON.parse(await readFile(path.join(TEMPLATES_DIR, "measured-sizes.json"), "utf8")) as Record<
      string,
      { installed: string }
    >;
    const recorded = Object.keys(sizes).find((name) => name.startsWith("@"));
    expect(recorded, "measured-sizes.json records at least one package").toBeDefined();
    const readme = (name: string) =>
      runPackageEmitter(packageFilesEmitter, { ...pkg, packageName: name }, options, printer).find(
        (f) => f.path === "README.md",
      )!.content;
    expect(readme(recorded!)).toContain(`the install puts ${sizes[recorded!]!.installed} in \`node_modules\``);
    expect(readme(pkg.packageName)).not.toContain("node_modules");
  });

  it("lists every action of every version in the README with a link and its markers, and its error codes", () => {
    const readme = files.find((f) => f.path === "README.md")!.content;
    const explorer = "https://console.tencentcloud.com/api/explorer?Product=kettle";
    expect(readme).toContain(
      `| \`boilWater\` | [BoilWater](${explorer}&Version=2021-03-01&Action=BoilWater) | Boils water. | 10 | task |`,
    );
    expect(readme).toContain(
      `| \`describeKettles\` | [DescribeKettles](${explorer}&Version=2021-03-01&Action=DescribeKettles) | Lists kettles. | 50 | paginated, fsi |`,
    );
    expect(readme).toContain(
      `| \`renameKettle\` | [RenameKettle](${explorer}&Version=2021-03-01&Action=RenameKettle) | Renames a kettle. | 20 | deprecated |`,
    );
    expect(readme).toContain(`| \`invokeAction\` | [Invoke](${explorer}&Version=2024-06-01&Action=Invoke) |`);
    expect(readme).toContain("| `paginateDescribeKettles` | DescribeKettles | `KettleSet` |");
    expect(readme).toContain("| `waitForTask` | DescribeBoilTask | `Status` is `done` | 1 |");
    expect(readme).toContain(
      "| `2024-06-01` | `@org/tc-kettle/2024-06-01` | `@org/tc-kettle/2024-06-01/testing` | 2 |",
    );
  });

  it("shows upstream HTML as text in the README and package.json", () => {
    const readme = files.find((f) => f.path === "README.md")!.content;
    expect(readme).not.toMatch(/<(script|img|b)\b/i);
    expect(readme).toContain("&lt;img src=x onerror=alert(1)&gt;");
    const hostile = { ...pkg, title: 'Kettle <script>alert(1)</script><img src=x onerror="alert(2)">' };
    const out = runPackageEmitter(packageFilesEmitter, hostile, options, printer);
    const description = (JSON.parse(out.find((f) => f.path === "package.json")!.content) as { description: string })
      .description;
    expect(description).toMatch(/^Kettle alert\(1\) \(APIs/);
    expect(out.find((f) => f.path === "README.md")!.content).not.toMatch(/<(script|img)\b/i);
  });
});

async function listFiles(root: string, dir = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel)));
    else out.push(rel);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
