import { readPendingChangesets } from "./changesets.js";
import { findReleaseBaseline, type ReleaseBaseline } from "./last-release.js";
import { unreleasedChanges } from "./unreleased-changes.js";
import { listWorkspaces } from "./workspaces.js";

/** A published package whose user-visible files changed since its last release. */
export interface UnreleasedPackage {
  name: string;
  relDir: string;
  baseline: ReleaseBaseline;
  /** Changed files relative to the package directory. */
  files: string[];
  /** Pending changesets naming the package; empty means it needs one. */
  changesets: string[];
}

/** Outcome of {@link checkChangesets}. */
export interface ChangesetCheck {
  unreleased: UnreleasedPackage[];
  /** Human-readable failures: packages lacking a changeset, malformed or dangling changesets. Empty means pass. */
  problems: string[];
}

const SHOWN_FILES = 5;

/**
 * Fails (returns problems) when a published workspace's user-visible files differ from its last release commit and
 * no pending changeset names it. Generated packages are covered the same way: regenerating from a changed spec
 * changes their committed output, which users receive.
 */
export function checkChangesets(root: string): ChangesetCheck {
  const workspaces = listWorkspaces(root);
  const pending = readPendingChangesets(root);
  const problems = [...pending.problems];
  const known = new Set(workspaces.map((pkg) => pkg.name));
  for (const changeset of pending.changesets) {
    for (const name of changeset.releases.keys()) {
      if (!known.has(name))
        problems.push(`${changeset.file}: names ${name}, which is not a package in this repository`);
    }
  }
  const unreleased: UnreleasedPackage[] = [];
  for (const pkg of workspaces) {
    if (pkg.isPrivate) continue;
    const baseline = findReleaseBaseline(root, pkg.relDir);
    const files = unreleasedChanges(root, pkg.relDir, baseline);
    if (files.length === 0) continue;
    const changesets = pending.changesets.filter((c) => c.releases.has(pkg.name)).map((c) => c.file);
    unreleased.push({ name: pkg.name, relDir: pkg.relDir, baseline, files, changesets });
    if (changesets.length === 0) problems.push(describeMissing(pkg.name, pkg.relDir, baseline, files));
  }
  return { unreleased, problems };
}

function describeMissing(name: string, relDir: string, baseline: ReleaseBaseline, files: string[]): string {
  const since =
    baseline.kind === "release"
      ? `its last release (${baseline.version ?? "?"}, commit ${baseline.commit.slice(0, 10)})`
      : `the root commit ${baseline.commit.slice(0, 10)} (it has never been released)`;
  const shown = files.slice(0, SHOWN_FILES).map((file) => `${relDir}/${file}`);
  const more = files.length > SHOWN_FILES ? ` and ${files.length - SHOWN_FILES} more` : "";
  return (
    `${name} needs a changeset: ${files.length} user-visible file(s) changed since ${since}: ${shown.join(", ")}${more}. ` +
    `Run \`npx changeset\` and select ${name}.`
  );
}
