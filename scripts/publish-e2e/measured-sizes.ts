// `npm run test:publish -- --write-sizes`: the one way generator/templates/measured-sizes.json changes.
// The generated README quotes these sizes, so they come from the publish test's measurement, never a hand edit.
import { writeFileSync } from "node:fs";

/** What the generated README quotes for one package. */
export interface MeasuredSize {
  readonly packed: string;
  readonly unpacked: string;
  readonly installed: string;
}

const COMMENT =
  "Install footprint per generated package, measured by `npm run test:publish -- --write-sizes` (which writes this file): " +
  "`npm pack` of the package (packed, unpacked) and everything a fresh `npm install` of it puts in node_modules. " +
  "Do not edit by hand; re-measure when a change moves them and regenerate: the README quotes them.";

/** The file's text: sorted by package name, stable for review diffs. */
export function measuredSizesJson(sizes: Readonly<Record<string, MeasuredSize>>): string {
  const sorted = Object.fromEntries(Object.entries(sizes).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ $comment: COMMENT, ...sorted }, null, 2)}\n`;
}

/** Writes the file whole (sizes of packages not measured in this run are not kept: the run measures them all). */
export function writeMeasuredSizes(file: string, sizes: Readonly<Record<string, MeasuredSize>>): void {
  writeFileSync(file, measuredSizesJson(sizes));
}
