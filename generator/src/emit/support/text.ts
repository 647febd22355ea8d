/**
 * Upstream prose is untrusted and may hold HTML (`<script>`, `<img onerror>`). Generated Markdown
 * and package.json show it as text, never as markup.
 */

/** Text for Markdown: `&`, `<` and `>` become entities, so no tag or entity from upstream is live. */
export function markdownText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text for a plain-text field (package.json `description`): tags removed, whitespace collapsed. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>?/g, " ")
    .replace(/[<>]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
