import { own } from "../../spec/dict.js";

/**
 * Turns the light HTML found in Tencent Cloud API descriptions (`<p>`, `<ul><li>`, `<a>`, `<b>`,
 * `<strong>`, `<br>`, entities) into Markdown-style text, so descriptions read the same whether
 * they came from a service description or from a Markdown reference page.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(html);
  const text = html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?p\s*>/gi, "\n\n")
    .replace(/<\/?ul\s*>/gi, "\n\n")
    .replace(/[ \t]*<li\s*>\s*/gi, "\n- ")
    .replace(/\s*<\/li\s*>/gi, "")
    .replace(/<(strong|b)\s*>([\s\S]*?)<\/\1\s*>/gi, "**$2**")
    .replace(/<a\s[^>]*?href\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a\s*>/gi, "[$2]($1)");
  return tidy(decodeEntities(text));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return own(ENTITIES, name.toLowerCase()) ?? whole;
  });
}

/** Trailing spaces and runs of blank lines are noise in generated doc comments. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** First line of a text, for one-line summaries. */
export function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? ""
  );
}
