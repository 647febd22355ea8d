import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { runDocImport } from "../../../src/importers/doc/command.js";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const REPO_ROOT = path.resolve(here, "../../../..");
/** Pages of our own writing, good and broken. */
export const FIXTURES = path.resolve(here, "../../fixtures/doc");
/** Real Tencent Cloud pages, read in place (never copied into the repo). */
export const SHARED = path.resolve(REPO_ROOT, "../shared");
export const REDIS_DOCS = path.join(SHARED, "docs/redis-2018-04-12");
export const SEED = path.join(SHARED, "seeds/DescribeTaskInfo.md");

/** What one command run printed and returned. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `specs:import doc <args>` in-process, capturing its output. */
export async function runDoc(args: string[]): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await runDocImport(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh, empty temporary folder, removed when the test file is done; imports write below it, never into specs/. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "doc-import-"));
  temps.push(dir);
  return dir;
}

/** Every file below `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** Parses a JSON file written by an import. */
export async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, "utf8")) as T;
}
