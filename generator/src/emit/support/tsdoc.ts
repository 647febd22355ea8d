import type { JSDocStructure, JSDocTagStructure, OptionalKind } from "ts-morph";

/** A TSDoc block tag, e.g. `@deprecated` with its text. */
export interface DocTag {
  readonly tag: string;
  readonly text?: string;
}

/**
 * The site upstream reference text comes from: its pages link to each other by path
 * (`[ENI Use Limits](/document/product/576/18527)`), which must point there, not into our docs.
 */
const UPSTREAM_DOCS_ORIGIN = "https://www.tencentcloud.com";

/**
 * A TSDoc comment from spec text. Spec prose can contain `*\/` (cron expressions), `/*` or `@name`
 * (addresses) that would end the comment, open a nested one or start a bogus tag; all are escaped.
 * Prose (not the code of an `@example`) also gets its links repaired, see {@link prose}.
 */
export function doc(description: string, tags: readonly DocTag[] = []): OptionalKind<JSDocStructure> {
  return {
    description: prose(description),
    // A tag text may start with a line break on purpose: `@example` then a fenced block.
    tags: tags.map(
      (t): OptionalKind<JSDocTagStructure> =>
        t.text === undefined
          ? { tagName: t.tag }
          : {
              tagName: t.tag,
              text: (t.text.startsWith("\n") ? "\n" : "") + (t.tag === "example" ? clean(t.text) : prose(t.text)),
            },
    ),
  };
}

/**
 * Upstream prose as Markdown that renders without broken links: `<code>` spans become code spans (so
 * `^[a-z]([a-z0-9_]{0,49})$` is not read as a link), a target doubled in parentheses
 * (`[DescribeVpcs]((https://…))`) is unwrapped, and a site-relative target points at the upstream site.
 */
export function prose(text: string): string {
  return clean(text)
    .replace(/<code>([^<>`&\\]*)<\/code>/g, "`$1`")
    .replace(/\]\(\((https?:\/\/[^()\s]+)\)\)/g, "]($1)")
    .replace(/\]\((\/(?!\/)[^()\s]*)\)/g, `](${UPSTREAM_DOCS_ORIGIN}$1)`);
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
