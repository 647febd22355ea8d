// Comments out of the built JavaScript: esbuild keeps those in class bodies (TSDoc, already in the
// declarations), and with them characters outside ASCII ("→", "−"), which make V8 hold and scan the whole
// file as two-byte text: the first call, which compiles the functions it runs, was about 4 ms slower for it.
// Used by packages/core/scripts/build.mjs and by every generated package's scripts/build.gen.mjs.
import ts from "typescript";

/**
 * `code` without its comments, except annotations such as `@__PURE__` and `@__NO_SIDE_EFFECTS__` (bundlers
 * tree-shake by them) and `/*!` legal comments. TypeScript's parser finds them, so text inside strings, templates and regular expressions stays.
 * A comment alone on its lines goes with those lines, so the code keeps its line structure.
 */
export function withoutComments(code, name) {
  const source = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  /** Comment start → end, each comment once however many tokens share its trivia. */
  const comments = new Map();
  const note = (pos, end) => {
    const text = code.slice(pos, end);
    if (!/^(?:\/\*\s*[@#]__\w+__\s*\*\/|\/\/\s*[@#]__\w+__\s*)$/.test(text) && !text.startsWith("/*!")) {
      comments.set(pos, end);
    }
  };
  // Every comment sits in the trivia before a node or after one (before a closing token).
  const visit = (node) => {
    ts.forEachLeadingCommentRange(code, node.pos, note);
    ts.forEachTrailingCommentRange(code, node.end, note);
    ts.forEachLeadingCommentRange(code, node.end, note);
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = "";
  let from = 0;
  for (const [pos, end] of [...comments].sort((a, b) => a[0] - b[0])) {
    let start = pos;
    let stop = end;
    const lineStart = code.lastIndexOf("\n", pos - 1) + 1;
    const newline = code.indexOf("\n", end);
    const lineEnd = newline === -1 ? code.length : newline + 1;
    if (/^[ \t]*$/.test(code.slice(lineStart, pos)) && /^[ \t]*\r?\n?$/.test(code.slice(end, lineEnd))) {
      start = Math.max(lineStart, from);
      stop = lineEnd;
    }
    if (start < from) continue;
    out += code.slice(from, start);
    from = stop;
  }
  return out + code.slice(from);
}
