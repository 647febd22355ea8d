import { createHash } from "node:crypto";
import type { IrPackage } from "../ir/index.js";
import { packageSpecPath } from "./emitters/entries.js";
import type { EmitOptions, GeneratedFile } from "./support/file.js";
import { headerLines } from "./support/header.js";

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
export function emitProvenance(pkg: IrPackage, options: EmitOptions, files: readonly GeneratedFile[]): GeneratedFile {
  const specPath = packageSpecPath(pkg);
  // One version: its content hash; several: the hash of theirs, in version order.
  const hashes = pkg.versions.map((v) => v.contentHash);
  const hash = hashes.length === 1 ? hashes[0] : createHash("sha256").update(hashes.join("\n")).digest("hex");
  const record = {
    $comment: headerLines({ specPath }, []).join(" "),
    generator: `${options.generator.name}@${options.generator.version}`,
    specs: specPath,
    specHash: `sha256:${hash}`,
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
