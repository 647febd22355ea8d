import { runBulkImport } from "../importers/bulk/command.js";
import { runDocImport } from "../importers/doc/command.js";

const USAGE = [
  "usage:",
  "  specs:import doc <page.md>... [--out DIR] [--diff]",
  "  specs:import bulk <service-dir> [--out DIR] [--common FILE]",
].join("\n");

/** `specs:import doc|bulk …`: dispatches to the importer; returns the process exit code. */
export async function runSpecsImport(args: string[]): Promise<number> {
  const [form, ...rest] = args;
  switch (form) {
    case "bulk":
      return runBulkImport(rest);
    case "doc":
      return runDocImport(rest);
    case "-h":
    case "--help":
      console.log(USAGE);
      return 0;
    default:
      console.error(form === undefined ? USAGE : `unknown import form "${form}"\n${USAGE}`);
      return 2;
  }
}
