import { createRequire } from "node:module";

/**
 * ts-morph's runtime values, loaded with `require`: importing its CommonJS bundle from an ES module
 * makes Node lex the whole bundled TypeScript compiler for named exports, a quarter second per run.
 * Types still come from `import type { … } from "ts-morph"`.
 */
const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");

export const { CodeBlockWriter, IndentationText, NewLineKind, Project, QuoteKind, StructureKind, ts } = tsMorph;
