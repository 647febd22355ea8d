import { type AgentOptions, Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, type AgentOptions as HttpsAgentOptions, request as httpsRequest } from "node:https";
import type { Duplex } from "node:stream";
import { type ConnectionOptions, connect as tlsConnect } from "node:tls";
import { parseEndpoint } from "../../endpoint/resolve.js";
import { NetworkError } from "../../errors/network-error.js";

type Callback = (error: Error | null, socket?: Duplex) => void;

/**
 * Keep-alive agents whose connections are tunnels through an HTTP proxy (`CONNECT host:port`, Node's
 * own client API), then TLS to the origin for https. Only this module knows about proxies, and it is
 * loaded only when a proxy applies, so the direct path costs nothing extra.
 *
 * A proxy that answers the CONNECT with anything but 2xx fails the connection with a
 * {@link NetworkError}: code `EPROXYAUTH` for 407 (credentials missing or wrong), `EPROXY` otherwise,
 * `requestSent: false` (the API request never left).
 */
export function createTunnelAgent(proxy: URL, secure: boolean, options: HttpsAgentOptions): HttpAgent {
  const agent = secure ? new HttpsAgent(options) : new HttpAgent(options as AgentOptions);
  // Node's Agent creates sockets through `createConnection(options, callback)`; returning nothing and
  // calling back later is the asynchronous form its `createSocket` supports.
  (agent as unknown as { createConnection: (o: ConnectionOptions, cb: Callback) => undefined }).createConnection = (
    connectOptions,
    callback,
  ) => {
    openTunnel(proxy, connectOptions, secure, callback);
    return undefined;
  };
  return agent;
}

function openTunnel(proxy: URL, options: ConnectionOptions, secure: boolean, callback: Callback): void {
  const host = options.host ?? "localhost";
  const authority = `${host.includes(":") ? `[${host}]` : host}:${options.port}`;
  const headers: Record<string, string> = { Host: authority };
  if (proxy.username !== "" || proxy.password !== "") {
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers["Proxy-Authorization"] = `Basic ${Buffer.from(credentials).toString("base64")}`;
  }
  // The proxy's origin read like an API endpoint's: IPv6 brackets off, the default port filled in.
  const { protocol, hostname, port } = parseEndpoint(proxy.origin);
  const send = protocol === "https:" ? httpsRequest : httpRequest;
  const connectRequest = send({
    host: hostname,
    port,
    method: "CONNECT",
    path: authority,
    headers,
    agent: false,
  });
  let settled = false;
  const settle = (error: Error | null, socket?: Duplex): void => {
    if (settled) return;
    settled = true;
    callback(error, socket);
  };
  connectRequest.once("connect", (response: IncomingMessage, socket: Duplex, head: Buffer) => {
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299 || head.length > 0) {
      socket.destroy();
      settle(refused(proxy, authority, status));
      return;
    }
    if (!secure) return settle(null, socket);
    // The origin's TLS options (servername, ca, rejectUnauthorized) as the https agent would use them.
    const tlsSocket = tlsConnect({ ...options, socket, servername: options.servername ?? (isIp(host) ? "" : host) });
    settle(null, tlsSocket);
  });
  connectRequest.once("response", (response: IncomingMessage) => {
    response.resume();
    settle(refused(proxy, authority, response.statusCode ?? 0));
  });
  connectRequest.once("error", (error: Error) => settle(error));
  connectRequest.end();
}

function refused(proxy: URL, authority: string, status: number): NetworkError {
  const auth = status === 407;
  return new NetworkError(
    `The proxy ${proxy.protocol}//${proxy.host} refused to open a tunnel to ${authority} (HTTP ${status}` +
      `${auth ? ": proxy authentication required or rejected; put credentials in the proxy URL" : ""})`,
    { code: auth ? "EPROXYAUTH" : "EPROXY", requestSent: false },
  );
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(":");
}
