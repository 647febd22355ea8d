import type {
  FunctionDeclarationStructure,
  JSDocStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
} from "ts-morph";
import type { IrService } from "../../ir/index.js";
import { GENERATED_VALUES } from "../../ir/reserved.js";
import type { ModuleImports } from "../support/symbols.js";
import { StructureKind } from "../support/ts-morph.js";
import { type DocTag, doc } from "../support/tsdoc.js";
import { OPERATIONS_PATH } from "./operations.js";

/**
 * How a usage example calls an operation with `args` (source text, possibly empty):
 * `client.describeTaskInfo(args)` for the method, `describeTaskInfo(client, args)` for the function.
 */
export type CallSyntax = (name: string, args: string) => string;

/** The TSDoc of an operation as data: a description and its block tags, examples written with `call`. */
export type OperationDoc = (call: CallSyntax) => { readonly description: string; readonly tags: readonly DocTag[] };

/** Parameters, return type and TSDoc of an operation or of one of its overloads. */
export interface OperationSignature {
  /** The parameters after the client. */
  readonly parameters: readonly OptionalKind<ParameterDeclarationStructure>[];
  readonly returnType: string;
  /** Absent on the implementation of an overloaded operation: its overloads carry the docs. */
  readonly docs?: OperationDoc;
}

/**
 * One action, paginator, waiter or state waiter, built once from the IR by the emitter of its concern.
 * {@link operationFunction} writes it as the standalone function of `operations.gen.ts` (the one
 * implementation), {@link operationMethod} as the client method delegating to that function, so the two
 * forms cannot drift apart.
 */
export interface Operation extends OperationSignature {
  /** The function's and the method's name. */
  readonly name: string;
  readonly overloads?: readonly OperationSignature[];
  /**
   * The function's statements, with the bare client as `client`. Called only for the function, so
   * what the body uses is recorded in the `imports` of `operations.gen.ts` alone.
   */
  body(imports: ModuleImports): string[];
}

const METHOD_CALL: CallSyntax = (name, args) => `client.${name}(${args})`;
const FUNCTION_CALL: CallSyntax = (name, args) => `${name}(client${args === "" ? "" : `, ${args}`})`;

/** The standalone function: the bare client first, then the operation's parameters and body. */
export function operationFunction(
  ir: IrService,
  imports: ModuleImports,
  operation: Operation,
): FunctionDeclarationStructure {
  const client: OptionalKind<ParameterDeclarationStructure> = { name: "client", type: ir.names.baseClient };
  return {
    kind: StructureKind.Function,
    name: operation.name,
    isExported: true,
    parameters: [client, ...operation.parameters],
    returnType: operation.returnType,
    ...(operation.overloads === undefined
      ? {}
      : {
          overloads: operation.overloads.map((o) => ({
            parameters: [client, ...o.parameters],
            returnType: o.returnType,
            ...(o.docs === undefined ? {} : { docs: [functionDoc(ir, operation.name, o.docs)] }),
          })),
        }),
    statements: operation.body(imports),
    docs: operation.docs === undefined ? [] : [functionDoc(ir, operation.name, operation.docs)],
  };
}

/**
 * The client method: the same overloads and TSDoc (examples calling the method), and one statement
 * passing `this` and its arguments to the standalone function, which `imports` records as
 * `operations.<name>` (a namespace, so no parameter such as `request` can shadow the function).
 */
export function operationMethod(
  imports: ModuleImports,
  operation: Operation,
): OptionalKind<MethodDeclarationStructure> {
  const fn = `${imports.namespace(OPERATIONS_PATH, GENERATED_VALUES.operations)}.${operation.name}`;
  const args = ["this", ...operation.parameters.map((p) => p.name)].join(", ");
  return {
    name: operation.name,
    parameters: [...operation.parameters],
    returnType: operation.returnType,
    ...(operation.overloads === undefined
      ? {}
      : {
          overloads: operation.overloads.map((o) => ({
            parameters: [...o.parameters],
            returnType: o.returnType,
            ...(o.docs === undefined ? {} : { docs: [methodDoc(o.docs)] }),
          })),
        }),
    statements: [`return ${fn}(${args});`],
    docs: operation.docs === undefined ? [] : [methodDoc(operation.docs)],
  };
}

function methodDoc(docs: OperationDoc): OptionalKind<JSDocStructure> {
  const { description, tags } = docs(METHOD_CALL);
  return doc(description, tags);
}

/** The method's TSDoc introduced as the standalone form, with the client parameter and examples calling the function. */
function functionDoc(ir: IrService, name: string, docs: OperationDoc): OptionalKind<JSDocStructure> {
  const base = ir.names.baseClient;
  const { description, tags } = docs(FUNCTION_CALL);
  const written = doc(description, [
    { tag: "param", text: `client - The {@link ${base}} (or {@link ${ir.names.client}}) to send with.` },
    ...tags,
  ]);
  return {
    ...written,
    description:
      `{@link ${ir.names.client}.${name}} as a standalone function of a {@link ${base}}: same request, response, ` +
      `errors, validation, retries and hooks.\n\n${String(written.description)}`,
  };
}
