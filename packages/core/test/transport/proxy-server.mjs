// A real HTTP proxy (the `proxy` package) in its own process, for the proxy tests.
//   node proxy-server.mjs [--auth user:password] [--refuse] [--map host=ip ...]
// Prints `listening <port>` once ready, then `CONNECT <authority>` for every tunnel asked for.
// --map gives the proxy its own name resolution (api.example.test=127.0.0.1), so a test can use a
// non-loopback host name that only the proxy can reach. --refuse answers every CONNECT with 403.
import http from "node:http";
import { createProxy } from "proxy";

const args = process.argv.slice(2);
const value = (flag) => {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args[i + 1];
};
const auth = value("--auth");
const map = new Map();
args.forEach((arg, i) => {
  if (args[i - 1] === "--map") {
    const [host, ip] = arg.split("=");
    map.set(host, ip);
  }
});

const server = http.createServer();
if (args.includes("--refuse")) {
  server.on("connect", (req, socket) => {
    process.stdout.write(`CONNECT ${req.url}\n`);
    socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
  });
} else {
  createProxy(server);
  if (auth !== undefined) {
    server.authenticate = (req) => {
      const header = req.headers["proxy-authorization"] ?? "";
      return header === `Basic ${Buffer.from(auth).toString("base64")}`;
    };
  }
  const [proxyConnect] = server.listeners("connect");
  server.removeAllListeners("connect");
  server.on("connect", (req, socket, head) => {
    process.stdout.write(`CONNECT ${req.url}\n`);
    const [host, port] = req.url.split(/:(?=\d+$)/);
    if (map.has(host)) req.url = `${map.get(host)}:${port}`;
    proxyConnect.call(server, req, socket, head);
  });
}
server.listen(0, "127.0.0.1", () => process.stdout.write(`listening ${server.address().port}\n`));
process.on("SIGTERM", () => process.exit(0));
