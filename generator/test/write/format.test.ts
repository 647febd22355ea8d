import { describe, expect, it } from "vitest";
import { formatGenerated } from "../../src/write/format.js";

const messy = {
  files: [
    { path: "src/a.gen.ts", content: 'import { z, a } from "./x.js";\nexport const   value={a,z}\n' },
    { path: "package.json", content: '{"name":"x","version":"1.0.0"}' },
    { path: "README.md", content: "#  Title   \n" },
  ],
};

describe("formatGenerated", () => {
  it("formats code and JSON with the repository's Biome configuration and sorts imports", async () => {
    const [pkg] = await formatGenerated([messy]);
    const byPath = new Map(pkg!.files.map((f) => [f.path, f.content]));
    expect(byPath.get("src/a.gen.ts")).toBe('import { a, z } from "./x.js";\nexport const value = { a, z };\n');
    expect(byPath.get("package.json")).toBe('{\n  "name": "x",\n  "version": "1.0.0"\n}\n');
  });

  it("leaves text files as emitted and is idempotent", async () => {
    const [once] = await formatGenerated([messy]);
    const [twice] = await formatGenerated([once!]);
    expect(twice!.files).toEqual(once!.files);
    expect(once!.files.find((f) => f.path === "README.md")!.content).toBe("#  Title   \n");
  });

  it("keeps each package's files apart", async () => {
    const other = { files: [{ path: "src/a.gen.ts", content: "export const other=1\n" }] };
    const [first, second] = await formatGenerated([messy, other]);
    expect(first!.files[0]!.content).toContain("value");
    expect(second!.files[0]!.content).toBe("export const other = 1;\n");
  });
});
