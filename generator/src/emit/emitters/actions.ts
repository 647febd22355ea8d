import type { CodeBlockWriter } from "ts-morph";
import type { IrAction, IrStructure, IrType } from "../../ir/index.js";
import { GENERATED_VALUES } from "../../ir/reserved.js";
import { compareCodeUnits } from "../../support/code-units.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import { writeLiteral } from "../support/literal.js";
import type { Statement } from "../support/printer.js";
import type { ModuleImports } from "../support/symbols.js";
import { shape } from "./metadata.js";

/** Path of the per-action metadata module inside a generated package. */
export const ACTIONS_PATH = "src/actions.gen.ts";

/**
 * One top-level constant per action, named after its method, holding what core needs for it: wire
 * name, rate limit, read-only bit, region requirement, request shape and the structures that shape
 * reaches. Structures are module functions of their own (named by their TypeScript name, which the
 * type codes use), written once and called by every action reaching them, so a bundler keeps
 * exactly the code of the actions an app calls. Shapes are written inside functions that core calls
 * when the action is first validated, so an app's import does not build the shapes of every action
 * (see `defineAction`). Other modules import this one as a namespace
 * (`import * as actions`, see {@link actionRef}) and only ever name one constant
 * (`actions.describeTaskInfo`): indexing the namespace dynamically would make bundlers keep every action.
 */
export const actionsEmitter: VersionEmitter = {
  name: "actions",
  files: [ACTIONS_PATH],
  runtime: ["defineAction", "ShapeMeta"],
  emit(ir, context) {
    const imports = context.imports(ir, ACTIONS_PATH);
    const header = lineCommentHeader(ir, ["service.json", "actions/*.json", "structures/*.json"]);
    // A version without actions still needs a module: `export {}` keeps it one.
    if (ir.actions.length === 0) return [context.print(imports, header, [(w) => w.writeLine("export {};")])];
    const byName = new Map(ir.structures.map((s) => [s.name, s]));
    const reachedBy = new Map(ir.actions.map((a) => [a.name, reachable(a, byName)]));
    const used = [...new Set([...reachedBy.values()].flat())].sort(compareCodeUnits);
    const define = imports.runtime("defineAction");
    const shapeType = used.length > 0 ? imports.runtime("ShapeMeta") : "";
    const statements: Statement[] = [
      ...used.map((name) => structureConstant(shapeType, byName.get(name) as IrStructure)),
      ...ir.actions.map((a) =>
        actionConstant(
          define,
          a,
          (reachedBy.get(a.name) ?? []).map((n) => (byName.get(n) as IrStructure).typeName),
        ),
      ),
    ];
    return [context.print(imports, header, statements)];
  },
};

/** `actions.<method>`: one action's constant, through the namespace import of {@link ACTIONS_PATH}. */
export function actionRef(imports: ModuleImports, methodName: string): string {
  return `${imports.namespace(ACTIONS_PATH, GENERATED_VALUES.actions)}.${methodName}`;
}

/** Wire names of every structure an action's request reaches, sorted. */
function reachable(action: IrAction, byName: ReadonlyMap<string, IrStructure>): string[] {
  const reached = new Set<string>();
  const visit = (type: IrType): void => {
    if (type.kind === "list") visit(type.items);
    else if (type.kind === "structure" && !reached.has(type.name)) {
      const structure = byName.get(type.name);
      if (!structure) return;
      reached.add(type.name);
      for (const m of structure.members) visit(m.type);
    }
  };
  for (const m of action.input) visit(m.type);
  return [...reached].sort(compareCodeUnits);
}

/** `const Name = (): ShapeMeta => ({ Member: "code", … });` */
function structureConstant(shapeType: string, s: IrStructure): (writer: CodeBlockWriter) => void {
  return (writer) => {
    writer.write(`const ${s.typeName} = (): ${shapeType} => (`);
    writeLiteral(writer, shape(s.members), 0);
    writer.write(");").newLine();
  };
}

/**
 * `export const m = defineAction("Name", { rateLimit, readOnly[, regionRequired][, input] }, () => ({request})[,
 * () => ({ Structure: Structure(), … })]);`
 */
function actionConstant(define: string, a: IrAction, structures: readonly string[]): (writer: CodeBlockWriter) => void {
  return (writer) => {
    const props = [`rateLimit: ${a.rateLimit}`, `readOnly: ${a.readOnly}`];
    if (a.regionRequired) props.push("regionRequired: true");
    if (a.requestType !== `${a.name}Request`) props.push(`input: ${JSON.stringify(a.requestType)}`);
    writer.write(`/** ${a.name}: rate limit, read-only bit, region requirement and request shape. */`).newLine();
    writer.write(
      `export const ${a.methodName} = /* @__PURE__ */ ${define}(${JSON.stringify(a.name)}, { ${props.join(", ")} }, `,
    );
    writer.write("() => (");
    writeLiteral(writer, shape(a.input), 0);
    writer.write(")");
    if (structures.length > 0) {
      const table = [...structures].sort(compareCodeUnits).map((name) => `${name}: ${name}()`);
      writer.write(`, () => ({ ${table.join(", ")} })`);
    }
    writer.write(");").newLine();
  };
}
