/**
 * Example texts upstream writes where it has no example: "none" in Chinese (`无`, `暂无`, `空`),
 * `null`, a dash, empty quotes. Kept as an `example` they would show up as a value to send.
 */
const PLACEHOLDERS = new Set(["", "无", "暂无", "空", "null", "none", "n/a", "na", "-", "--", "—", '""', "''"]);

/** Whether an upstream example is a placeholder rather than a value (case and surrounding space ignored). */
export function isPlaceholderExample(text: string): boolean {
  return PLACEHOLDERS.has(text.trim().toLowerCase());
}
