// Locations the bench reads from; shared material is read in place, never copied (team rule).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(benchDir, "..");
export const sharedDir = resolve(repoRoot, "../shared");
export const redisReferenceDir = resolve(sharedDir, "reference/redis-2018-04-12");
