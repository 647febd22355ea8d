import { htmlToText } from "../common/html-text.js";

/**
 * Cell and paragraph text as a reader sees it, decoded the same way as service-description text
 * (entities such as the `&#124;` pages use for a pipe inside a table, `<br>` as a newline), so
 * descriptions compare equal across importers.
 */
export function plainText(raw: string): string {
  return htmlToText(raw);
}

/** The first sentence of `text`, on one line: the action's summary. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = /[.!?](?=\s|$)/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}

/** Description wording that marks an action or member as withdrawn. */
export function saysDeprecated(text: string): boolean {
  return /\b(deprecated|disused|obsoleted?|discontinued|no longer (used|supported|available))\b/i.test(text);
}

/** Output wording for a field the service may return as `null`. */
export function saysNullable(text: string): boolean {
  return /may (return|be) null/i.test(text);
}
