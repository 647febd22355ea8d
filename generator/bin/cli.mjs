#!/usr/bin/env node
// `npm run generate` and `npm run specs:import` start here. The generator is TypeScript; running it
// through a loader (tsx) recompiles and hooks every import on each run, about 0.4 s of a 2 s
// generation (bench/README.md). So the sources are transpiled once per change into dist/, which keeps
// src/'s layout (paths relative to a module, such as ../../templates, stay valid), and run from there.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const generatorDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = path.join(generatorDir, "src");
const outDir = path.join(generatorDir, "dist");
const stampFile = path.join(outDir, ".source-hash");

/** TypeScript sources under `dir`, sorted so the hash does not depend on directory order. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Content hash of the sources: a changed, added or removed file means a rebuild; mtimes are not trusted. */
function sourceHash(files) {
  const hash = createHash("sha256");
  for (const file of files)
    hash.update(path.relative(srcDir, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

async function ensureBuilt() {
  const files = sources(srcDir);
  const digest = sourceHash(files);
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === digest) return;
  const { build } = await import("esbuild");
  // Built beside dist/ and swapped in whole, so an interrupted build never leaves a half-written dist/.
  const staging = `${outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await build({
    entryPoints: files,
    outdir: staging,
    outbase: srcDir,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "error",
  });
  writeFileSync(path.join(staging, ".source-hash"), digest);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
}

await ensureBuilt();
await import(pathToFileURL(path.join(outDir, "cli.js")).href);
