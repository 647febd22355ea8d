import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";

/** A running throwaway registry. */
export interface LocalRegistry {
  /** Registry URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** `//127.0.0.1:PORT/`, the key npm uses for per-registry settings such as `_authToken`. */
  nerfDart: string;
  pid: number;
  /** Stops the process by PID and waits, bounded, until it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const PORT_ATTEMPTS = 3;

/**
 * Starts verdaccio on 127.0.0.1 at a free port with storage under `workDir`, no uplinks (nothing is fetched from or
 * forwarded to another registry) and publishing allowed for `@org/*` only. Resolves once `GET /-/ping` answers;
 * fails with verdaccio's own output if it exits first or is not ready within a minute.
 */
export async function startVerdaccio(repoRoot: string, workDir: string): Promise<LocalRegistry> {
  const bin = verdaccioBin(repoRoot);
  let lastError: Error | undefined;
  for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt += 1) {
    const port = await freePort();
    const config = writeConfig(workDir);
    const child = spawn(process.execPath, [bin, "--config", config, "--listen", `127.0.0.1:${port}`], {
      cwd: workDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => output.push(chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => output.push(chunk));
    const registry = handle(child, port);
    try {
      await waitUntilReady(registry.url, child, output);
      return registry;
    } catch (error) {
      await registry.stop();
      lastError = error as Error;
      // Another process may take the port between our probe and verdaccio's bind; only that case is retried.
      if (!output.join("").includes("EADDRINUSE")) break;
    }
  }
  throw lastError ?? new Error("verdaccio did not start");
}

function verdaccioBin(repoRoot: string): string {
  const require = createRequire(path.join(repoRoot, "package.json"));
  return path.join(path.dirname(require.resolve("verdaccio/package.json")), "bin", "verdaccio");
}

function writeConfig(workDir: string): string {
  const storage = path.join(workDir, "storage");
  mkdirSync(storage, { recursive: true });
  const file = path.join(workDir, "config.yaml");
  writeFileSync(
    file,
    [
      `storage: ${JSON.stringify(storage)}`,
      "uplinks: {}",
      "packages:",
      "  '@org/*':",
      "    access: $all",
      "    publish: $all",
      "  '**':",
      "    access: $all",
      "    publish: $none",
      "middlewares:",
      "  audit:",
      "    enabled: false",
      "web:",
      "  enable: false",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  return file;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === "object") resolve(address.port);
        else reject(new Error("could not determine a free port"));
      });
    });
  });
}

function handle(child: ChildProcess, port: number): LocalRegistry {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const pid = child.pid ?? -1;
  return {
    url: `http://127.0.0.1:${port}/`,
    nerfDart: `//127.0.0.1:${port}/`,
    pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signal(pid, "SIGTERM");
      if (await within(exited, STOP_TIMEOUT_MS)) return;
      signal(pid, "SIGKILL");
      if (!(await within(exited, STOP_TIMEOUT_MS))) {
        throw new Error(
          `verdaccio (pid ${pid}) did not exit ${(2 * STOP_TIMEOUT_MS) / 1000} s after SIGTERM and SIGKILL`,
        );
      }
    },
  };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Exited between the check and the signal.
  }
}

async function waitUntilReady(url: string, child: ChildProcess, output: readonly string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const exited = new Promise<"exited">((resolve) => child.once("exit", () => resolve("exited")));
  let pause = 50;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await pings(url)) return;
    // Wake early if the process dies; otherwise back off so a slow machine is polled less often, not given less time.
    if ((await Promise.race([exited, delay(pause)])) === "exited") break;
    pause = Math.min(pause * 2, 500);
  }
  const status =
    child.exitCode !== null || child.signalCode !== null
      ? `exited (${child.exitCode ?? child.signalCode ?? "?"}) before answering`
      : `did not answer ${url}-/ping within ${READY_TIMEOUT_MS / 1000} s`;
  throw new Error(`verdaccio ${status}. Its output:\n${output.join("").trim() || "(none)"}`);
}

async function pings(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function delay(ms: number): Promise<"waited"> {
  return new Promise((resolve) => setTimeout(() => resolve("waited"), ms));
}

async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const result = await Promise.race([promise.then(() => true as const), timeout]);
  clearTimeout(timer);
  return result;
}
