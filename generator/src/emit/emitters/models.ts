import type { InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure } from "ts-morph";
import type { IrAction, IrMember, IrService, IrStructure } from "../../ir/index.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import { propertyKey } from "../support/literal.js";
import type { Statement } from "../support/printer.js";
import { StructureKind } from "../support/ts-morph.js";
import { type DocTag, doc } from "../support/tsdoc.js";
import { memberTypeExpr, type TypeRefs } from "../support/type-expr.js";
import { CLIENT_PATH } from "./client.js";

/** Path of the models module inside a generated package. */
export const MODELS_PATH = "src/models.gen.ts";

/**
 * One interface per structure, request and response. Input members are optional unless the
 * spec requires them; output members are optional only where the spec says they may be absent.
 */
export const modelsEmitter: VersionEmitter = {
  name: "models",
  files: [MODELS_PATH],
  runtime: ["Int64", "UInt64"],
  emit(ir, context) {
    const imports = context.imports(ir, MODELS_PATH);
    const statements: Statement[] = [];
    for (const structure of ir.structures) statements.push(structureInterface(imports, structure));
    for (const action of ir.actions)
      statements.push(requestInterface(ir, imports, action), responseInterface(ir, imports, action));
    // Named in TSDoc links only; a type import lets an editor resolve them.
    if (ir.actions.length > 0) imports.generated(CLIENT_PATH, ir.names.client, { isType: true });
    return [context.print(imports, lineCommentHeader(ir, ["actions/*.json", "structures/*.json"]), statements)];
  },
};

function structureInterface(refs: TypeRefs, s: IrStructure): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: s.typeName,
    isExported: true,
    docs: [doc(s.description || `The ${s.name} structure.`)],
    properties: s.members.map((m) => property(refs, m)),
  };
}

function requestInterface(ir: IrService, refs: TypeRefs, a: IrAction): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: a.requestType,
    isExported: true,
    docs: [doc(`Request of {@link ${ir.names.client}.${a.methodName} | ${a.name}}: ${a.summary}.`, deprecatedTag(a))],
    properties: a.input.map((m) => property(refs, m)),
  };
}

function responseInterface(ir: IrService, refs: TypeRefs, a: IrAction): InterfaceDeclarationStructure {
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
      ...a.output.map((m) => property(refs, m)),
      {
        name: "RequestId",
        type: "string",
        docs: [doc("Unique ID of the request; quote it when reporting a problem to Tencent Cloud.")],
      },
    ],
  };
}

function property(refs: TypeRefs, m: IrMember): OptionalKind<PropertySignatureStructure> {
  const tags: DocTag[] = [];
  if (m.example !== undefined && m.example !== "") tags.push({ tag: "example", text: exampleText(m) });
  if (m.deprecated) tags.push({ tag: "deprecated", text: "The service no longer supports this member." });
  return {
    name: propertyKey(m.name),
    type: memberTypeExpr(m, refs),
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
