// The `build` script: tsup, then one copy of the declarations. tsup's two builds (tsup.config.ts) run in
// parallel, so neither may clean dist/; this script does, before them. Afterwards each ESM declaration
// entry (.d.ts) becomes a one-line re-export of its CommonJS twin (.d.cts): the package ships the
// declarations once, and ESM and CommonJS consumers (and packages built on this one) see the same types.
// Generated packages get the same script from the generator's templates/build.mjs.hbs.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";

/** Declaration entries, relative to dist/ and without extension. */
const ENTRIES = ["index", "credentials/index", "testing/index", "naming"];

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
rmSync("dist", { recursive: true, force: true });
await build({ config: "tsup.config.ts" });

for (const entry of ENTRIES) {
  const cts = `dist/${entry}.d.cts`;
  // `export *` carries every named export but not a default one, so a default export must not slip in unnoticed.
  if (/^export\s+(?:default\b|=)|^export\s*\{[^}]*\bas default\b/m.test(readFileSync(cts, "utf8"))) {
    throw new Error(`${cts} has a default export, which the re-export in dist/${entry}.d.ts would drop`);
  }
  writeFileSync(`dist/${entry}.d.ts`, `export * from "./${path.posix.basename(entry)}.cjs";\n`);
}
