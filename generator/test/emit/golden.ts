import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { versionPath } from "../../src/emit/entries.js";
import type { GeneratedFile } from "../../src/emit/file.js";
import { buildServiceIr, groupPackages, type IrPackage, type IrService } from "../../src/ir/index.js";
import { loadSpecs } from "../../src/load/index.js";
import { FIXTURE_ROOT } from "../ir/fixture.js";

/** Committed expected output for the kettle fixture, mirroring the generated package. */
export const GOLDEN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "golden/kettle");

/** `UPDATE_GOLDEN=1 npx vitest run test/emit` rewrites the golden files instead of comparing. */
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

/** The kettle fixture through the real loader and IR. */
export async function kettleIr(): Promise<IrService> {
  const specs = await loadSpecs(FIXTURE_ROOT);
  const service = specs.services.find((s) => s.dir === "kettle/2021-03-01");
  if (!service) throw new Error("kettle fixture missing");
  return buildServiceIr(specs, service);
}

/** Both kettle versions through the real loader and IR, as one package (2021-03-01 is marked default). */
export async function kettlePackage(): Promise<IrPackage> {
  const specs = await loadSpecs(FIXTURE_ROOT);
  const { packages } = groupPackages(specs.services.map((s) => buildServiceIr(specs, s)));
  const kettle = packages.find((p) => p.name === "kettle");
  if (!kettle) throw new Error("kettle fixture missing");
  return kettle;
}

/** {@link expectGolden} for a module of one version, which the package holds under `src/<version>/`. */
export async function expectVersionGolden(ir: IrService, file: GeneratedFile): Promise<void> {
  await expectGolden({ ...file, path: versionPath(ir.version, file.path) });
}

/** Compares a generated file byte for byte with its golden copy. */
export async function expectGolden(file: GeneratedFile): Promise<void> {
  const target = path.join(GOLDEN_DIR, file.path);
  if (UPDATE) {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    return;
  }
  let expected: string;
  try {
    expected = await readFile(target, "utf8");
  } catch {
    throw new Error(`No golden file ${path.relative(process.cwd(), target)}; run with UPDATE_GOLDEN=1 and review it`);
  }
  expect(file.content, `${file.path} differs from its golden copy (UPDATE_GOLDEN=1 to accept)`).toBe(expected);
}
