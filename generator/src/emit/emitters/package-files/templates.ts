import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

/** The generator's `templates/` folder, found from this module. */
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../templates");

type Render = (view: object) => string;
const compiled = new Map<string, Render>();

/** Compiles a template once per process; `noEscape` because output is JSON or Markdown, not HTML. */
export function template(name: string): Render {
  let render = compiled.get(name);
  if (!render) {
    const hbs = Handlebars.create();
    hbs.registerHelper("json", (value: unknown) => JSON.stringify(value));
    render = hbs.compile(readFileSync(path.join(TEMPLATES_DIR, name), "utf8"), { noEscape: true, strict: true });
    compiled.set(name, render);
  }
  return render;
}
