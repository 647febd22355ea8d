import { readFile } from "node:fs/promises";
import type { SpecProblem } from "./problems.js";

/** A parsed spec file, or the problem that stopped it from parsing. */
export type ReadResult =
  | { ok: true; value: unknown; bytes: Buffer }
  | { ok: false; problem: SpecProblem; missing: boolean; bytes?: Buffer };

/** Reads and parses one JSON file; a syntax error becomes a problem with line and column. */
export async function readJsonFile(absolute: string, relative: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
    const message = missing ? "file is missing" : `cannot read: ${(err as Error).message}`;
    return { ok: false, missing, problem: { file: relative, path: "", message } };
  }
  const text = bytes.toString("utf8");
  try {
    return { ok: true, value: JSON.parse(text), bytes };
  } catch (err) {
    return {
      ok: false,
      missing: false,
      bytes,
      problem: { file: relative, path: "", message: `invalid JSON: ${syntaxMessage(err, text)}` },
    };
  }
}

/** Node 20 reports JSON errors by character offset; maintainers look for lines. */
function syntaxMessage(err: unknown, text: string): string {
  const message = (err as Error).message;
  const match = /at position (\d+)/.exec(message);
  if (!match) return message;
  const offset = Number(match[1]);
  const before = text.slice(0, offset).split("\n");
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return `${message.replace(/ in JSON at position \d+.*$/, "")} (line ${line}, column ${column})`;
}
