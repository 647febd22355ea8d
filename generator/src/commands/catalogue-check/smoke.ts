import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { SmokeCallsOptions } from "@org/tc-core/testing";
import { exampleRequest } from "../../emit/support/example-request.js";
import type { IrService } from "../../ir/index.js";

/** Transpiles a generated package's TypeScript to JavaScript beside it (`js/`), file by file, keeping the layout. */
export async function transpilePackage(pkgDir: string): Promise<void> {
  const { build } = await import("esbuild");
  const src = path.join(pkgDir, "src");
  const entries = (await readdir(src, { recursive: true }))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(src, f));
  await build({
    entryPoints: entries,
    outdir: path.join(pkgDir, "js"),
    outbase: src,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "silent",
  });
}

/** First failure and rejected samples of one version's smoke calls (see core's `smokeCalls`). */
export interface SmokeResult {
  /** First failure, if any. */
  readonly failure?: string;
  /**
   * Actions whose first sample the client rejected before sending because it contradicts the
   * members (an upstream defect the importer reports): each was called again with a request built
   * from the members' examples, which must pass.
   */
  readonly rejectedSamples: readonly string[];
}

/**
 * Calls every action of one version through its generated client against the version's own local
 * endpoint (signatures verified, validation on) with core's `smokeCalls`, the same helper every
 * generated package's `test/smoke.gen.test.ts` uses: each action with its first sample's request,
 * else a request built from the members' examples.
 */
export async function smokeVersion(pkgDir: string, ir: IrService): Promise<SmokeResult> {
  const base = path.join(pkgDir, "js", ir.version);
  const api = (await import(pathToFileURL(path.join(base, "index.gen.js")).href)) as Record<string, unknown>;
  const testing = (await import(pathToFileURL(path.join(base, "testing", "index.gen.js")).href)) as Pick<
    SmokeCallsOptions,
    "startMockServer"
  >;
  const { samples } = (await import(pathToFileURL(path.join(base, "testing", "samples.gen.js")).href)) as Pick<
    SmokeCallsOptions,
    "samples"
  >;
  const Client = api[ir.names.client] as SmokeCallsOptions["Client"] | undefined;
  if (typeof Client !== "function")
    return { failure: `${ir.version}/index exports no ${ir.names.client}`, rejectedSamples: [] };
  const { smokeCalls } = await import("@org/tc-core/testing");
  const report = await smokeCalls({
    Client,
    startMockServer: () => testing.startMockServer(),
    samples,
    calls: ir.actions.map((a) => ({ action: a.name, method: a.methodName, example: exampleRequest(ir, a.input) })),
  });
  return {
    ...(report.failures[0] !== undefined ? { failure: report.failures[0] } : {}),
    rejectedSamples: report.rejectedSamples,
  };
}
