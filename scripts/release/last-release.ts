import { git, tryGit } from "./git.js";

/** The commit a package's current sources are compared with to decide whether it needs a changeset. */
export interface ReleaseBaseline {
  /** Full commit hash. */
  commit: string;
  /**
   * `release`: the last commit that changed the `version` in the package's package.json from one value to another
   * (what `changeset version` does). `root-commit`: the package was never released, so everything since the
   * repository's first commit is unreleased.
   */
  kind: "release" | "root-commit";
  /** The version set by the release commit (only for `release`). */
  version?: string;
}

/**
 * Finds the release baseline of the package in `relDir`.
 *
 * Creating a package.json is not a release: a brand-new package is compared with the root commit, so its first
 * publication needs a changeset like any other user-visible change.
 */
export function findReleaseBaseline(root: string, relDir: string): ReleaseBaseline {
  const file = `${relDir}/package.json`;
  const log = git(root, ["log", "--format=%H %P", "--", file]).trim();
  for (const line of log === "" ? [] : log.split("\n")) {
    const [commit, firstParent] = line.split(" ");
    if (commit === undefined || firstParent === undefined || firstParent === "") continue;
    const after = versionAt(root, commit, file);
    const before = versionAt(root, firstParent, file);
    if (after !== undefined && before !== undefined && after !== before) {
      return { commit, kind: "release", version: after };
    }
  }
  return { commit: rootCommit(root), kind: "root-commit" };
}

/** The repository's first commit reachable from HEAD (the oldest root when histories were merged). */
export function rootCommit(root: string): string {
  const roots = tryGit(root, ["rev-list", "--max-parents=0", "HEAD"]);
  const last = roots?.trim().split("\n").pop();
  if (last === undefined || last === "") {
    throw new Error(`${root}: the repository has no commits, so there is no release history to compare with`);
  }
  return last;
}

function versionAt(root: string, commit: string, file: string): string | undefined {
  const text = tryGit(root, ["show", `${commit}:${file}`]);
  if (text === undefined) return undefined;
  try {
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined;
  }
}
