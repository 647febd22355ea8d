import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBulk } from "../../src/importers/bulk/import-bulk.js";
import { ImportError } from "../../src/importers/common/import-error.js";
import { UnsafePathError } from "../../src/write/paths.js";

// Random action, structure and member names and descriptions through the bulk importer: each name
// is either refused with an ImportError naming api.json, or imported; nothing is ever written
// outside --out, no staging folder is left behind, and no prototype is touched.

const hostileName = fc.oneof(
  fc.constantFrom(
    "..",
    "../Pkg",
    "../../../package",
    "A/B",
    "A\\B",
    ".Hidden",
    "__proto__",
    "constructor",
    "toString",
    "Con",
    "NUL",
    "名字",
    "",
    " ",
    "A.json",
    "Ok",
  ),
  fc.string({
    unit: fc.constantFrom("A", "b", "Z", "_", "0", ".", "/", "\\", "-", " ", "%", ":", "\u0000", "é"),
    minLength: 1,
    maxLength: 12,
  }),
  fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,20}$/),
);
const description = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    "*/ process.exit(1) /*",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "`${process.exit()}`",
    "\u2028\u2029",
  ),
);

let sandbox: string;
beforeAll(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), "random-names-"));
});
afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe("bulk import of random names and descriptions", () => {
  it("refuses a name with a clear error or imports it safely, never writing outside --out", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(hostileName, hostileName, hostileName, description, async (action, structure, member, doc) => {
        const root = path.join(sandbox, String(run++));
        const source = path.join(root, "src");
        const out = path.join(root, "out", "specs");
        await mkdir(source, { recursive: true });
        const api = {
          metadata: { serviceShortName: "rnd", apiVersion: "2024-01-01", serviceNameEN: "Random" },
          actions: { [action]: { name: doc, document: doc, input: "In", output: "Out" } },
          objects: {
            In: { members: [{ name: member, type: "object", member: structure, document: doc, example: doc }] },
            Out: { members: [{ name: "RequestId", type: "string", member: "string" }] },
            [structure]: { members: [{ name: "Id", type: "string", member: "string", document: doc }], usage: "in" },
          },
        };
        await writeFile(path.join(source, "api.json"), JSON.stringify(api));
        try {
          await importBulk(source, { out });
          // Imported: the files are where the names say, inside --out.
          expect(await files(path.join(root, "out", "specs"))).toContain(`rnd/2024-01-01/actions/${action}.json`);
          expect(action).toMatch(/^[A-Z][A-Za-z0-9]*$/);
        } catch (err) {
          if (!(err instanceof ImportError) && !(err instanceof UnsafePathError)) throw err;
          expect(err.message).toContain(path.join(source, "api.json"));
        }
        const everything = await files(root);
        expect(
          everything.filter((f) => !f.startsWith(`src${path.sep}`) && !f.startsWith(`out${path.sep}specs${path.sep}`)),
        ).toEqual([]);
        expect(({} as Record<string, unknown>)["Id"]).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { numRuns: 40 },
    );
  });
});
