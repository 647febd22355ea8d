import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkChangesets } from "./changeset-check.js";
import { checkManifests } from "./manifest-check.js";
import { listWorkspaces } from "./workspaces.js";

/**
 * `npm run check:release`: the packaging contract of every workspace and the changeset check. Prints every problem
 * and exits 1 when there is any, so `npm test` names the package that needs attention.
 */
function main(): number {
  const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
  const problems = [...checkManifests(root, listWorkspaces(root))];
  const changesets = checkChangesets(root);
  problems.push(...changesets.problems);
  for (const pkg of changesets.unreleased) {
    if (pkg.changesets.length > 0) {
      console.log(
        `check:release: ${pkg.name}: ${pkg.files.length} unreleased file(s), covered by ${pkg.changesets.join(", ")}`,
      );
    }
  }
  if (problems.length > 0) {
    console.error(`check:release: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    return 1;
  }
  console.log("check:release: package manifests and changesets are in order");
  return 0;
}

process.exitCode = main();
