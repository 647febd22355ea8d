import type { InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure } from "ts-morph";
import type { IrAction, IrMember, IrService, IrStructure } from "../ir/index.js";
import type { CoreName } from "../ir/reserved.js";
import { coreSpecifiers } from "./core-import.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { propertyKey } from "./literal.js";
import type { Statement, TsPrinter } from "./printer.js";
import { StructureKind } from "./ts-morph.js";
import { type DocTag, doc } from "./tsdoc.js";
import { integerAliases, memberTypeExpr } from "./type-expr.js";

/** Path of the models module inside a generated package. */
export const MODELS_PATH = "src/models.gen.ts";

/**
 * One interface per structure, request and response. Input members are optional unless the
 * spec requires them; output members are optional only where the spec says they may be absent.
 */
export function emitModels(ir: IrService, printer: TsPrinter): GeneratedFile {
  const members = [...ir.structures.flatMap((s) => s.members), ...ir.actions.flatMap((a) => [...a.input, ...a.output])];
  const statements: Statement[] = [];
  const aliases = integerAliases(members.map((m) => m.type));
  if (aliases.length > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@org/tc-core",
      isTypeOnly: true,
      namedImports: coreSpecifiers(ir, aliases as CoreName[]),
    });
  }
  for (const structure of ir.structures) statements.push(structureInterface(ir, structure));
  for (const action of ir.actions) statements.push(requestInterface(ir, action), responseInterface(ir, action));
  return printer.print(MODELS_PATH, lineCommentHeader(ir, ["actions/*.json", "structures/*.json"]), statements);
}

function structureInterface(ir: IrService, s: IrStructure): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: s.typeName,
    isExported: true,
    docs: [doc(s.description || `The ${s.name} structure.`)],
    properties: s.members.map((m) => property(ir, m)),
  };
}

function requestInterface(ir: IrService, a: IrAction): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: a.requestType,
    isExported: true,
    docs: [doc(`Request of {@link ${ir.names.client}.${a.methodName} | ${a.name}}: ${a.summary}.`, deprecatedTag(a))],
    properties: a.input.map((m) => property(ir, m)),
  };
}

function responseInterface(ir: IrService, a: IrAction): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: a.responseType,
    isExported: true,
    docs: [
      doc(
        `Response of {@link ${ir.names.client}.${a.methodName} | ${a.name}}: the content of \`Response\`.`,
        deprecatedTag(a),
      ),
    ],
    properties: [
      ...a.output.map((m) => property(ir, m)),
      {
        name: "RequestId",
        type: "string",
        docs: [doc("Unique ID of the request; quote it when reporting a problem to Tencent Cloud.")],
      },
    ],
  };
}

function property(ir: IrService, m: IrMember): OptionalKind<PropertySignatureStructure> {
  const tags: DocTag[] = [];
  if (m.example !== undefined && m.example !== "") tags.push({ tag: "example", text: exampleText(m) });
  if (m.deprecated) tags.push({ tag: "deprecated", text: "The service no longer supports this member." });
  return {
    name: propertyKey(m.name),
    type: memberTypeExpr(m, ir.core),
    hasQuestionToken: !m.required,
    docs: [doc(m.description || m.name, tags)],
  };
}

/** Examples are spec text; quote them for string members so the tag reads as a value. */
function exampleText(m: IrMember): string {
  return m.type.kind === "string" ? JSON.stringify(m.example) : (m.example ?? "");
}

function deprecatedTag(a: IrAction): DocTag[] {
  return a.deprecated ? [{ tag: "deprecated", text: "The service marks this action deprecated." }] : [];
}
