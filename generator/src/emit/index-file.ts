import type { ExportDeclarationStructure, OptionalKind } from "ts-morph";
import type { IrService } from "../ir/index.js";
import { CORE_TYPE_REEXPORTS, CORE_VALUE_REEXPORTS, type CoreName } from "../ir/reserved.js";
import type { GeneratedFile } from "./file.js";
import { lineCommentHeader } from "./header.js";
import { MODULES } from "./names.js";
import { paginated } from "./paginators.js";
import type { TsPrinter } from "./printer.js";
import { STATE_WAITERS_MODULE } from "./state-waiters.js";
import { STREAMS_MODULE, streamingActions } from "./streams.js";
import { StructureKind } from "./ts-morph.js";

/** Path of the package's main entry. */
export const INDEX_PATH = "src/index.gen.ts";

/**
 * The public API: the client, models, error codes and guard, waiter target types, and the core
 * types and error classes a caller needs, so using the service takes no direct import of core.
 */
export function emitIndex(ir: IrService, printer: TsPrinter): GeneratedFile {
  const exports: OptionalKind<ExportDeclarationStructure>[] = [
    { moduleSpecifier: MODULES.client, namedExports: [ir.names.client] },
    { moduleSpecifier: MODULES.errors },
    { moduleSpecifier: MODULES.models },
  ];
  if (ir.waiters.length > 0) {
    exports.push({
      moduleSpecifier: MODULES.waiters,
      isTypeOnly: true,
      namedExports: ir.waiters.map((w) => w.targetTypeName),
    });
  }
  if (ir.stateWaiters.length > 0) {
    // Exported so a caller can name the constants and pass them to core's `waitUntil` directly.
    exports.push({ moduleSpecifier: STATE_WAITERS_MODULE, namedExports: ir.stateWaiters.map((w) => w.metaName) });
  }
  const streams = streamingActions(ir);
  if (streams.length > 0) {
    exports.push({
      moduleSpecifier: STREAMS_MODULE,
      isTypeOnly: true,
      namedExports: streams.map((s) => s.stream.eventType),
    });
  }
  const waits = ir.waiters.length > 0 || ir.stateWaiters.length > 0;
  // Rule 1 of ir/name-rule.ts: a core name a spec name took is not re-exported; the spec's wins.
  const free = (name: CoreName): boolean => ir.core[name] === name;
  const coreTypes = CORE_TYPE_REEXPORTS.filter(free).filter(
    (name) =>
      (name !== "WaitOptions" || waits) &&
      ((name !== "Paginated" && name !== "PaginateOptions") || paginated(ir).length > 0),
  );
  const coreValues = CORE_VALUE_REEXPORTS.filter(free).filter(
    (name) =>
      (!/TaskFailed/.test(name) || ir.waiters.length > 0) &&
      (!/WaiterTimeout/.test(name) || waits) &&
      (!/WaiterFailed/.test(name) || ir.stateWaiters.length > 0) &&
      (!/StreamError/.test(name) || streams.length > 0) &&
      (!/Pagination/.test(name) || paginated(ir).length > 0),
  );
  exports.push(
    { moduleSpecifier: "@org/tc-core", namedExports: [...coreValues] },
    { moduleSpecifier: "@org/tc-core", isTypeOnly: true, namedExports: [...coreTypes] },
  );
  return printer.print(
    INDEX_PATH,
    lineCommentHeader(ir, ["service.json"]),
    exports.map((e) => ({ ...e, kind: StructureKind.ExportDeclaration })),
  );
}
