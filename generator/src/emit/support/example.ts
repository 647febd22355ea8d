import { writeLiteral } from "./literal.js";
import { CodeBlockWriter } from "./ts-morph.js";

/** Plain data as TypeScript source text, indented from column 0. */
export function literalText(value: unknown): string {
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, newLine: "\n", useSingleQuote: false });
  writeLiteral(writer, value, 0);
  return writer.toString();
}

/**
 * A usage example passing a spec sample's request to `call` (which writes the call around its argument
 * text, empty for an empty request), e.g. `const response = await client.describeTaskInfo({ TaskId: 18215 });`.
 */
export function writeExample(
  call: (argument: string) => string,
  request: Readonly<Record<string, unknown>>,
  title: string,
): string {
  const comment = title.trim() === "" ? "" : `// ${title.trim().replace(/\s+/g, " ")}\n`;
  const argument = Object.keys(request).length > 0 ? literalText(request) : "";
  return `${comment}const response = await ${call(argument)};`;
}
