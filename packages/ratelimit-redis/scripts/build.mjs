// The `build` script: tsup, then the ESM declaration entry as a one-line re-export of its CommonJS twin, so
// ESM and CommonJS consumers see the same types (the same scheme as @org/tc-core's scripts/build.mjs).
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
rmSync("dist", { recursive: true, force: true });
await build({ config: "tsup.config.ts" });
writeFileSync("dist/index.d.ts", 'export * from "./index.cjs";\n');
