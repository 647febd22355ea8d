// The `build` script: tsup, then one copy of the declarations. tsup's builds (tsup.config.ts) run in
// parallel, so none may clean dist/; this script does, before them. Afterwards each ESM declaration
// entry (.d.ts) becomes a one-line re-export of its CommonJS twin (.d.cts): the package ships the
// declarations once, and ESM and CommonJS consumers (and packages built on this one) see the same types.
// Then the JavaScript loses its comments (`@org/tc-build-tools/strip-comments`), and the ESM files of the second
// run get the path of `shared.js` (scripts/build-esm-layout.ts).
// Generated packages get a similar script from the generator's templates/build.mjs.hbs.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { withoutComments } from "@org/tc-build-tools/strip-comments";
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

for (const file of readdirSync("dist", { recursive: true, encoding: "utf8" })) {
  if (!/\.c?js$/.test(file)) continue;
  const code = readFileSync(`dist/${file}`, "utf8");
  const stripped = withoutComments(code, file);
  if (stripped !== code) writeFileSync(`dist/${file}`, stripped);
}

// The ESM layout (scripts/build-esm-layout.ts): files of the second run import the root's modules from `shared.js`.
const PLACEHOLDER = JSON.stringify("@org/tc-core/<shared>");
const esm = readdirSync("dist", { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".js"));
for (const file of esm) {
  const code = readFileSync(`dist/${file}`, "utf8");
  if (!code.includes(PLACEHOLDER)) continue;
  const shared = path.posix.relative(path.posix.dirname(file), "shared.js");
  writeFileSync(
    `dist/${file}`,
    code.replaceAll(PLACEHOLDER, JSON.stringify(shared.startsWith(".") ? shared : `./${shared}`)),
  );
}
// Linking proves every name a file imports from another exists (the package has no side effects to fear).
for (const file of esm) await import(pathToFileURL(`dist/${file}`).href);
