import type { CodeBlockWriter } from "ts-morph";
import type { IrErrorCode, IrService } from "../../ir/index.js";
import { COMMON_ERROR_CODE, GENERATED_VALUES } from "../../ir/reserved.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import { writeLiteral } from "../support/literal.js";
import type { Statement } from "../support/printer.js";
import type { ModuleImports } from "../support/symbols.js";
import { StructureKind } from "../support/ts-morph.js";
import { clean, doc, exampleTag } from "../support/tsdoc.js";
import { CLIENT_PATH } from "./client.js";
import { METADATA_PATH } from "./metadata.js";

/** Path of the errors module inside a generated package. */
export const ERRORS_PATH = "src/errors.gen.ts";

/**
 * Error-code unions (common, per action, whole service) with each code's description, the
 * method → codes map, and the type guard that narrows `err.code` by the method that failed.
 */
export const errorsEmitter: VersionEmitter = {
  name: "errors",
  files: [ERRORS_PATH],
  runtime: ["TencentCloudError", "isTencentCloudError"],
  emit(ir, context) {
    const imports = context.imports(ir, ERRORS_PATH);
    const statements: Statement[] = [...codeUnions(ir), ...guard(ir, imports)];
    return [
      context.print(
        imports,
        lineCommentHeader(ir, ["errors.json", "../../common/errors.json", "actions/*.json"]),
        statements,
      ),
    ];
  },
};

/** The unions of codes: common, the whole service's, one per action, and the method → codes map. */
function codeUnions(ir: IrService): Statement[] {
  const { names } = ir;
  return [
    union(COMMON_ERROR_CODE, "Error codes every Tencent Cloud API 3.0 service may return.", ir.commonErrors),
    union(
      names.serviceErrorCode,
      `Every error code ${ir.title} may return: the common codes and the service's own.`,
      ir.serviceErrors,
      [COMMON_ERROR_CODE],
    ),
    ...ir.actions.map((a) =>
      union(
        a.errorCodeType,
        `Error codes specific to ${a.name}; {@link ${COMMON_ERROR_CODE}} may occur as well.`,
        a.errors,
      ),
    ),
    {
      kind: StructureKind.Interface,
      name: names.actionErrorCodes,
      isExported: true,
      docs: [doc(`Error codes specific to each {@link ${names.client}} method, keyed by method name.`)],
      properties: ir.actions.map((a) => ({
        name: a.methodName,
        type: a.errorCodeType,
        isReadonly: true,
        docs: [doc(`Codes specific to {@link ${names.client}.${a.methodName}}.`)],
      })),
    },
  ];
}

/**
 * The error type and its guard. The guard compares the error's service and action with the
 * metadata: codes are only known per action, so an error of another action must not be narrowed.
 */
function guard(ir: IrService, imports: ModuleImports): Statement[] {
  const { names } = ir;
  // Named in TSDoc links only; a type import lets an editor resolve them.
  imports.generated(CLIENT_PATH, names.client, { isType: true });
  const isError = imports.runtime("isTencentCloudError");
  const errorClass = imports.runtime("TencentCloudError");
  const serviceMeta = imports.generated(METADATA_PATH, GENERATED_VALUES.serviceMeta);
  const first = ir.actions.find((a) => a.errors.length > 0) ?? ir.actions[0];
  return [
    {
      kind: StructureKind.TypeAlias,
      name: names.errorType,
      isExported: true,
      typeParameters: [{ name: "C", constraint: "string", default: names.serviceErrorCode }],
      type: `${errorClass}<C>`,
      docs: [doc(`An error ${ir.title} returned, with \`code\` narrowed to \`C\`.`)],
    },
    {
      kind: StructureKind.Function,
      name: names.errorGuard,
      isExported: true,
      overloads: [
        {
          typeParameters: [{ name: "M", constraint: `keyof ${names.actionErrorCodes}` }],
          parameters: [
            { name: "err", type: "unknown" },
            { name: "method", type: "M" },
          ],
          returnType: `err is ${names.errorType}<${names.actionErrorCodes}[M] | ${COMMON_ERROR_CODE}>`,
          docs: [
            doc(
              `Whether \`err\` is an error the service returned to the given {@link ${names.client}} method; ` +
                "narrows `err.code` to that method's codes and the common ones.",
              [
                { tag: "param", text: "err - Anything caught." },
                { tag: "param", text: "method - The client method that was called." },
                ...(first ? [exampleTag(guardExample(names.errorGuard, first.methodName, first.errors[0]?.code))] : []),
              ],
            ),
          ],
        },
        {
          parameters: [{ name: "err", type: "unknown" }],
          returnType: `err is ${names.errorType}`,
          docs: [
            doc(
              `Whether \`err\` is an error ${ir.title} returned; narrows \`err.code\` to {@link ${names.serviceErrorCode}}.`,
              [{ tag: "param", text: "err - Anything caught." }],
            ),
          ],
        },
      ],
      parameters: [
        { name: "err", type: "unknown" },
        { name: "method", type: `keyof ${names.actionErrorCodes}`, hasQuestionToken: true },
      ],
      returnType: "boolean",
      statements: [
        "return (",
        `  ${isError}(err) &&`,
        `  err.service === ${serviceMeta}.service &&`,
        `  (method === undefined || err.action === ${ACTION_NAMES}[method])`,
        ");",
      ],
    },
    actionNamesConstant(ir),
  ];
}

/** Module-local map the guard reads: method name → wire name (its own table, so the guard pulls in no action metadata). */
const ACTION_NAMES = "actionNames";

function actionNamesConstant(ir: IrService): (writer: CodeBlockWriter) => void {
  return (writer) => {
    writer.write(`const ${ACTION_NAMES}: Readonly<Record<keyof ${ir.names.actionErrorCodes}, string>> = `);
    writeLiteral(writer, Object.fromEntries(ir.actions.map((a) => [a.methodName, a.name])), 0);
    writer.write(";").newLine();
  };
}

/** `export type X = | "A" | "B";` with each code's description as a comment above it. */
function union(
  name: string,
  description: string,
  codes: readonly IrErrorCode[],
  extra: readonly string[] = [],
): Statement {
  return {
    kind: StructureKind.TypeAlias,
    name,
    isExported: true,
    docs: [doc(description)],
    type: (writer: CodeBlockWriter) => {
      if (codes.length === 0 && extra.length === 0) {
        writer.write("never");
        return;
      }
      // ts-morph hangs the lines after `=` one level, which is the indentation wanted here.
      for (const type of extra) writer.newLine().write(`| ${type}`);
      for (const { code, description: text } of codes) {
        const comment = clean(text || code).replace(/\n/g, " ");
        writer.newLine().write(`/** ${comment} */`);
        writer.newLine().write(`| ${JSON.stringify(code)}`);
      }
    },
  };
}

function guardExample(guard: string, method: string, code: string | undefined): string {
  return [
    "try {",
    `  await client.${method}(request);`,
    "} catch (err) {",
    `  if (${guard}(err, ${JSON.stringify(method)})) {`,
    code
      ? `    if (err.code === ${JSON.stringify(code)}) console.error(err.message, err.requestId);`
      : "    console.error(err.code, err.requestId);",
    "  }",
    "  throw err;",
    "}",
  ].join("\n");
}
