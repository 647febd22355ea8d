import type { ExportDeclarationStructure, OptionalKind } from "ts-morph";
import type { IrService } from "../../ir/index.js";
import { CORE_TYPE_REEXPORTS, CORE_VALUE_REEXPORTS, type CoreName } from "../../ir/reserved.js";
import type { VersionEmitter } from "../support/emitter.js";
import { lineCommentHeader } from "../support/header.js";
import { CORE_MODULE, moduleSpecifier } from "../support/symbols.js";
import { StructureKind } from "../support/ts-morph.js";
import { CLIENT_PATH } from "./client.js";
import { ERRORS_PATH } from "./errors.js";
import { MODELS_PATH } from "./models.js";
import { OPERATIONS_PATH } from "./operations.js";
import { paginated } from "./paginators.js";
import { STATE_WAITERS_PATH } from "./state-waiters.js";
import { STREAMS_PATH, streamingActions } from "./streams.js";
import { WAITERS_PATH } from "./waiters.js";

/** Path of the package's main entry. */
export const INDEX_PATH = "src/index.gen.ts";

/**
 * The public API: the client, the bare client and one function per action, paginator and waiter (the
 * modular form), models, error codes and guard, waiter target types, and the core types and error
 * classes a caller needs, so using the service takes no direct import of core.
 */
export const indexEmitter: VersionEmitter = {
  name: "index",
  files: [INDEX_PATH],
  runtime: [],
  emit(ir, context) {
    const exports = [...generatedExports(ir), ...coreExports(ir)];
    return [
      context.printer.print(
        INDEX_PATH,
        lineCommentHeader(ir, ["service.json"]),
        exports.map((e) => ({ ...e, kind: StructureKind.ExportDeclaration })),
      ),
    ];
  },
};

/** Re-exports of the version's own modules. */
function generatedExports(ir: IrService): OptionalKind<ExportDeclarationStructure>[] {
  const from = (file: string): string => moduleSpecifier(INDEX_PATH, file);
  const exports: OptionalKind<ExportDeclarationStructure>[] = [
    { moduleSpecifier: from(CLIENT_PATH), namedExports: [ir.names.client] },
    // The modular form: listed by name, so a function clashing with another export fails to compile instead of being shadowed.
    { moduleSpecifier: from(OPERATIONS_PATH), namedExports: [ir.names.baseClient, ...standaloneNames(ir)] },
    { moduleSpecifier: from(ERRORS_PATH) },
    { moduleSpecifier: from(MODELS_PATH) },
  ];
  if (ir.waiters.length > 0) {
    exports.push({
      moduleSpecifier: from(WAITERS_PATH),
      isTypeOnly: true,
      namedExports: ir.waiters.map((w) => w.targetTypeName),
    });
  }
  if (ir.stateWaiters.length > 0) {
    // Exported so a caller can name the constants and pass them to core's `waitUntil` directly.
    exports.push({ moduleSpecifier: from(STATE_WAITERS_PATH), namedExports: ir.stateWaiters.map((w) => w.metaName) });
  }
  const streams = streamingActions(ir);
  if (streams.length > 0) {
    exports.push({
      moduleSpecifier: from(STREAMS_PATH),
      isTypeOnly: true,
      namedExports: streams.map((s) => s.stream.eventType),
    });
  }
  return exports;
}

/**
 * Re-exports of core: the types and error classes this version's calls can involve. Rule 1 of
 * ir/name-rule.ts: a core name a spec name took is not re-exported; the spec's wins.
 */
function coreExports(ir: IrService): OptionalKind<ExportDeclarationStructure>[] {
  const waits = ir.waiters.length > 0 || ir.stateWaiters.length > 0;
  const pages = paginated(ir).length > 0;
  const streams = streamingActions(ir).length > 0;
  const free = (name: CoreName): boolean => ir.core[name] === name;
  const coreTypes = CORE_TYPE_REEXPORTS.filter(free).filter(
    (name) => (name !== "WaitOptions" || waits) && ((name !== "Paginated" && name !== "PaginateOptions") || pages),
  );
  const coreValues = CORE_VALUE_REEXPORTS.filter(free).filter(
    (name) =>
      (!/TaskFailed/.test(name) || ir.waiters.length > 0) &&
      (!/WaiterTimeout/.test(name) || waits) &&
      (!/WaiterFailed/.test(name) || ir.stateWaiters.length > 0) &&
      (!/StreamError/.test(name) || streams) &&
      (!/Pagination/.test(name) || pages),
  );
  return [
    { moduleSpecifier: CORE_MODULE, namedExports: [...coreValues] },
    { moduleSpecifier: CORE_MODULE, isTypeOnly: true, namedExports: [...coreTypes] },
  ];
}

/** The standalone functions of the modular form, in the order they are emitted. */
function standaloneNames(ir: IrService): string[] {
  return [
    ...ir.actions.flatMap((a) => (a.paginator ? [a.methodName, a.paginator.methodName] : [a.methodName])),
    ...ir.waiters.map((w) => w.methodName),
    ...ir.stateWaiters.map((w) => w.methodName),
  ];
}
