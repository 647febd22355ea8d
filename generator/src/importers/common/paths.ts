import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this module so commands work from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** Where `specs:import` writes unless told `--out`. */
export const DEFAULT_SPECS_DIR = path.join(REPO_ROOT, "specs");
