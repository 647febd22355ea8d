import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "proxy-server.mjs");

/** A proxy server process: its URL and the CONNECT authorities it was asked for. */
export interface ProxyProcess {
  readonly port: number;
  readonly connects: string[];
  stop(): Promise<void>;
}

/** Starts test/transport/proxy-server.mjs in a child process and waits until it listens. */
export function startProxy(args: readonly string[] = []): Promise<ProxyProcess> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const connects: string[] = [];
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`proxy exited early with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.startsWith("CONNECT ")) connects.push(line.slice(8));
        const listening = /^listening (\d+)$/.exec(line);
        if (listening) {
          child.removeAllListeners("exit");
          resolve({
            port: Number(listening[1]),
            connects,
            stop: () =>
              new Promise((done) => {
                if (child.exitCode !== null) return done();
                child.once("exit", () => done());
                child.kill("SIGTERM");
              }),
          });
        }
      }
    });
  });
}

/** A self-signed certificate for `hostname`, made with openssl for this test run. */
export function selfSignedCert(hostname: string): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "tc-proxy-cert-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
        "-subj",
        `/CN=${hostname}`,
        "-addext",
        `subjectAltName=DNS:${hostname}`,
      ],
      { stdio: "ignore" },
    );
    return {
      key: readFileSync(path.join(dir, "key.pem"), "utf8"),
      cert: readFileSync(path.join(dir, "cert.pem"), "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An https API 3.0 origin on 127.0.0.1 answering every POST with `Response` + the Host it saw. */
export async function startTlsOrigin(tls: {
  key: string;
  cert: string;
}): Promise<{ server: Server; port: number; hosts: string[] }> {
  const hosts: string[] = [];
  const server = createServer(tls, (req, res) => {
    hosts.push(String(req.headers.host));
    req.resume();
    req.on("end", () => {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ Response: { Via: "tls-origin", RequestId: "req-tls" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : 0, hosts };
}
