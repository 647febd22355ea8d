import type { JSDocStructure, JSDocTagStructure, OptionalKind } from "ts-morph";

/** A TSDoc block tag, e.g. `@deprecated` with its text. */
export interface DocTag {
  readonly tag: string;
  readonly text?: string;
}

/**
 * A TSDoc comment from spec text. Spec prose can contain `*\/` (cron expressions), `/*` or `@name`
 * (addresses) that would end the comment, open a nested one or start a bogus tag; all are escaped.
 */
export function doc(description: string, tags: readonly DocTag[] = []): OptionalKind<JSDocStructure> {
  return {
    description: clean(description),
    // A tag text may start with a line break on purpose: `@example` then a fenced block.
    tags: tags.map(
      (t): OptionalKind<JSDocTagStructure> =>
        t.text === undefined
          ? { tagName: t.tag }
          : { tagName: t.tag, text: (t.text.startsWith("\n") ? "\n" : "") + clean(t.text) },
    ),
  };
}

/** An `@example` tag holding a fenced TypeScript block. */
export function exampleTag(code: string): DocTag {
  return { tag: "example", text: `\n\`\`\`ts\n${code}\n\`\`\`` };
}

/** Escapes what would break a comment and trims trailing blanks so output is stable. */
export function clean(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/(^|[\s(])@(?=[A-Za-z])/g, "$1\\@")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}
