/**
 * Whether a service title can stand in an English package description: printable ASCII with a
 * letter. The catalogue's metadata often has only a Chinese name (`云服务器`), which the importer
 * writes as a fallback until a maintainer curates `title` in service.json.
 */
export function isEnglishTitle(title: string): boolean {
  return /^[\x20-\x7E]+$/.test(title) && /[A-Za-z]/.test(title);
}
