import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";

/** A `redis-server` child process on a free port, started and stopped by the test. */
export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `redis-server --port <free> --save '' --appendonly no` and waits for `PING` → `PONG`. */
export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("error", (error) =>
      reject(new Error(`redis-server could not start (install the Debian package redis-server): ${error.message}`)),
    );
    const deadline = Date.now() + 10_000;
    const poll = (): void => {
      try {
        if (
          execFileSync("redis-cli", ["-p", String(port), "ping"], {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "ignore"],
          }).trim() === "PONG"
        )
          return resolve();
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) return reject(new Error("redis-server did not answer PING within 10 s"));
      setTimeout(poll, 50);
    };
    poll();
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}
