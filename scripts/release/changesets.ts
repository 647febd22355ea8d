import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A release type a changeset may request for a package. */
export type BumpType = "major" | "minor" | "patch" | "none";

/** One pending changeset file and the packages it names. */
export interface PendingChangeset {
  /** Path relative to the repository root, e.g. `.changeset/brave-dogs-sing.md`. */
  file: string;
  /** Package name → requested bump. */
  releases: Map<string, BumpType>;
}

/** The pending changesets of a repository plus every malformed line found while reading them. */
export interface PendingChangesets {
  changesets: PendingChangeset[];
  /** Each problem names the file and line. */
  problems: string[];
}

const RELEASE_LINE = /^(["']?)([^"':\s][^"':]*)\1\s*:\s*(major|minor|patch|none)\s*$/;

/**
 * Parses a changeset's YAML front matter (`"<package>": <bump>` per line between `---` fences), the format
 * `changeset add` writes. An empty front matter is valid: it is what `changeset --empty` produces.
 */
export function parseChangeset(text: string, file: string): { releases: Map<string, BumpType>; problems: string[] } {
  const lines = text.split(/\r?\n/);
  const releases = new Map<string, BumpType>();
  const problems: string[] = [];
  const open = lines.findIndex((line) => line.trim() !== "");
  if (open === -1 || lines[open]?.trim() !== "---") {
    return { releases, problems: [`${file}:${open + 1}: a changeset must start with a "---" front matter fence`] };
  }
  const close = lines.findIndex((line, index) => index > open && line.trim() === "---");
  if (close === -1) {
    return { releases, problems: [`${file}:${open + 1}: the front matter opened here is never closed with "---"`] };
  }
  for (let index = open + 1; index < close; index += 1) {
    const line = lines[index] ?? "";
    if (line.trim() === "") continue;
    const match = RELEASE_LINE.exec(line.trim());
    const name = match?.[2]?.trim();
    const bump = match?.[3] as BumpType | undefined;
    if (name === undefined || bump === undefined) {
      problems.push(
        `${file}:${index + 1}: expected '"<package>": major|minor|patch|none', found ${JSON.stringify(line)}`,
      );
      continue;
    }
    if (releases.has(name)) problems.push(`${file}:${index + 1}: ${name} is listed twice`);
    releases.set(name, bump);
  }
  return { releases, problems };
}

/** Reads every pending changeset (`.changeset/*.md` except its README). */
export function readPendingChangesets(root: string): PendingChangesets {
  const dir = path.join(root, ".changeset");
  if (!existsSync(dir)) return { changesets: [], problems: [] };
  const changesets: PendingChangeset[] = [];
  const problems: string[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md")
    .sort();
  for (const name of files) {
    const file = `.changeset/${name}`;
    const parsed = parseChangeset(readFileSync(path.join(dir, name), "utf8"), file);
    changesets.push({ file, releases: parsed.releases });
    problems.push(...parsed.problems);
  }
  return { changesets, problems };
}
