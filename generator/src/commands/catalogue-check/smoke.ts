import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { IrService } from "../../ir/index.js";
import { exampleRequest } from "./example-request.js";

/** Transpiles a generated package's TypeScript to JavaScript beside it (`js/`), file by file, keeping the layout. */
export async function transpilePackage(pkgDir: string): Promise<void> {
  const { build } = await import("esbuild");
  const src = path.join(pkgDir, "src");
  const entries = (await readdir(src, { recursive: true })).filter((f) => f.endsWith(".ts")).map((f) => path.join(src, f));
  await build({ entryPoints: entries, outdir: path.join(pkgDir, "js"), outbase: src, format: "esm", platform: "node", target: "node20", logLevel: "silent" });
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
export async function smokeVersion(pkgDir: string, ir: IrService): Promise<string | undefined> {
  const base = path.join(pkgDir, "js", ir.version);
  const api = (await import(pathToFileURL(path.join(base, "index.gen.js")).href)) as Record<string, unknown>;
  const testing = (await import(pathToFileURL(path.join(base, "testing", "index.gen.js")).href)) as {
    startMockServer(options?: object): Promise<MockServerLike>;
  };
  const Client = api[ir.names.client] as ClientClass | undefined;
  if (typeof Client !== "function") return `${ir.version}/index exports no ${ir.names.client}`;
  const server = await testing.startMockServer();
  const client = new Client({ endpoint: server.endpoint, credentials: server.credentials, region: "ap-guangzhou", retry: false, timeoutMs: 10_000 });
  try {
    for (const action of ir.actions) {
      const request = action.samples[0]?.request ?? exampleRequest(ir, action.input);
      const method = (client as unknown as Record<string, (r: object) => Promise<unknown>>)[action.methodName];
      if (typeof method !== "function") return `${action.name}: the client has no method ${action.methodName}`;
      try {
        const response = (await method.call(client, request)) as { RequestId?: unknown };
        if (typeof response.RequestId !== "string") return `${action.name}: response without RequestId`;
      } catch (err) {
        const e = err as { name?: string; code?: string; message?: string };
        return `${action.name}: ${e.name ?? "Error"}${e.code ? ` ${e.code}` : ""}: ${firstLine(e.message ?? String(err))}`;
      }
    }
    return undefined;
  } finally {
    client.close();
    await server.close();
  }
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
