import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** A request as the loopback server received it. */
export interface ReceivedRequest {
  readonly headers: IncomingMessage["headers"];
  readonly body: Buffer;
  /** Which TCP connection carried it, numbered from 1 in accept order. */
  readonly connection: number;
}

export type Handler = (request: ReceivedRequest, res: ServerResponse, socket: Socket) => void;

/** A real HTTP server on 127.0.0.1, port 0, that records requests and connections. */
export interface TestServer {
  readonly origin: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  /** Connections accepted so far. */
  connections(): number;
  /** Connections currently open. */
  openConnections(): number;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const ids = new WeakMap<Socket, number>();
  let accepted = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received = { headers: req.headers, body: Buffer.concat(chunks), connection: ids.get(req.socket) ?? 0 };
      requests.push(received);
      handler(received, res, req.socket);
    });
  });
  // Hold idle connections like a real API front end would, so tests see the client's behaviour, not the server's.
  server.keepAliveTimeout = 60_000;
  server.on("connection", (socket: Socket) => {
    ids.set(socket, ++accepted);
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => accepted,
    openConnections: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers like API 3.0 does. */
export function apiReply(res: ServerResponse, response: Record<string, unknown>, status = 200): void {
  const body = JSON.stringify({ Response: { RequestId: "req-test", ...response } });
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Polls until `condition` holds. After 10 s it fails naming `what` and what `server` saw, so a
 * starved CI host gives a reason instead of the test's bare timeout.
 */
export async function waitFor(condition: () => boolean, what: string, server?: TestServer): Promise<void> {
  const until = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > until) {
      const seen = server
        ? `: ${server.connections()} connections accepted, ${server.openConnections()} open, ${server.requests.length} requests read`
        : "";
      throw new Error(`Gave up waiting for ${what}${seen}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}
