import type { IrService } from "../ir/index.js";
import type { EmitOptions, GeneratedFile } from "./file.js";
import { headerLines } from "./header.js";

/** Path of the provenance record inside a generated package. */
export const PROVENANCE_PATH = "generated.json";

/** What the writer needs from a previous provenance record. */
export interface Provenance {
  readonly files: readonly string[];
}

/**
 * Records what produced the package: the spec's content hash and the generator's version, and
 * the list of generated files, so the next run can remove files no longer generated.
 */
export function emitProvenance(ir: IrService, options: EmitOptions, files: readonly GeneratedFile[]): GeneratedFile {
  const record = {
    $comment: headerLines(ir, []).join(" "),
    generator: `${options.generator.name}@${options.generator.version}`,
    specs: ir.specPath,
    specHash: `sha256:${ir.contentHash}`,
    files: [...files.map((f) => f.path), PROVENANCE_PATH].sort(),
  };
  return { path: PROVENANCE_PATH, content: `${JSON.stringify(record, null, 2)}\n` };
}

/** Reads a provenance record written by {@link emitProvenance}; `undefined` when it is not one. */
export function parseProvenance(text: string): Provenance | undefined {
  try {
    const value = JSON.parse(text) as { files?: unknown };
    if (Array.isArray(value.files) && value.files.every((f) => typeof f === "string")) return { files: value.files };
  } catch {
    // Not JSON: treated as no record, so nothing is deleted on its say-so.
  }
  return undefined;
}
