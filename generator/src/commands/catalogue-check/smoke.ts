import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { IrService } from "../../ir/index.js";
import { exampleRequest } from "./example-request.js";

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

interface ClientLike {
  close(): void;
}
type ClientClass = new (options: object) => ClientLike;
interface MockServerLike {
  readonly endpoint: string;
  readonly credentials: object;
  close(): Promise<void>;
}

/**
 * Calls every action of one version through its generated client against the version's own local
 * endpoint (signatures verified, validation on): with its first sample's request, else a request
 * built from the members' examples. Returns the first failure, or undefined when every call succeeded.
 */
export interface SmokeResult {
  /** First failure, if any. */
  readonly failure?: string;
  /**
   * Actions whose first sample the client rejected before sending because it contradicts the
   * members (an upstream defect the importer reports): each was called again with a request built
   * from the members' examples, which must pass.
   */
  readonly rejectedSamples: string[];
}

export async function smokeVersion(pkgDir: string, ir: IrService): Promise<SmokeResult> {
  const base = path.join(pkgDir, "js", ir.version);
  const api = (await import(pathToFileURL(path.join(base, "index.gen.js")).href)) as Record<string, unknown>;
  const testing = (await import(pathToFileURL(path.join(base, "testing", "index.gen.js")).href)) as {
    startMockServer(options?: object): Promise<MockServerLike>;
  };
  const Client = api[ir.names.client] as ClientClass | undefined;
  if (typeof Client !== "function")
    return { failure: `${ir.version}/index exports no ${ir.names.client}`, rejectedSamples: [] };
  const server = await testing.startMockServer();
  const client = new Client({
    endpoint: server.endpoint,
    credentials: server.credentials,
    region: "ap-guangzhou",
    retry: false,
    timeoutMs: 10_000,
  });
  const rejectedSamples: string[] = [];
  try {
    for (const action of ir.actions) {
      const method = (client as unknown as Record<string, (r: object) => Promise<unknown>>)[action.methodName];
      if (typeof method !== "function")
        return { failure: `${action.name}: the client has no method ${action.methodName}`, rejectedSamples };
      const call = async (request: object): Promise<string | undefined> => {
        try {
          const response = (await method.call(client, request)) as { RequestId?: unknown };
          return typeof response.RequestId === "string" ? undefined : `${action.name}: response without RequestId`;
        } catch (err) {
          const e = err as { name?: string; code?: string; message?: string };
          return `${action.name}: ${e.name ?? "Error"}${e.code ? ` ${e.code}` : ""}: ${firstLine(e.message ?? String(err))}`;
        }
      };
      const sample = action.samples[0]?.request;
      let failure = await call(sample ?? exampleRequest(ir, action.input));
      if (failure !== undefined && sample !== undefined && failure.includes(": ValidationError: ")) {
        rejectedSamples.push(failure);
        failure = await call(exampleRequest(ir, action.input));
      }
      if (failure !== undefined) return { failure, rejectedSamples };
    }
    return { rejectedSamples };
  } finally {
    client.close();
    await server.close();
  }
}

function firstLine(text: string): string {
  // Under a heading such as "Invalid x request (2 problems):", the first item is the reason.
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const line = lines[0]?.endsWith(":") && lines[1] ? `${lines[0]} ${lines[1]}` : (lines[0] ?? "");
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
