import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ServiceClient } from "../../src/client/index.js";
import { ConfigurationError, NetworkError } from "../../src/errors/index.js";
import { FetchTransport, NodeHttpTransport } from "../../src/transport/index.js";
import { isLoopback, matchesNoProxy, resolveProxy } from "../../src/transport/proxy/env.js";
import { describeTaskInfo, meta, SECRET_ID, SECRET_KEY } from "../client/fixtures.js";
import { type ProxyProcess, selfSignedCert, startProxy, startTlsOrigin } from "./proxy-helpers.js";
import { apiReply, startServer } from "./server.js";

const https = (hostname: string, port = 443) => ({ protocol: "https:" as const, hostname, port });
const http = (hostname: string, port = 80) => ({ protocol: "http:" as const, hostname, port });

describe("NO_PROXY matching", () => {
  it.each([
    ["api.example.com", "api.example.com", true],
    ["api.example.com", "example.com", true],
    ["api.example.com", ".example.com", true],
    ["api.example.com", "*.example.com", true],
    ["example.com", ".example.com", true],
    ["badexample.com", "example.com", false],
    ["api.example.com", "other.com, example.com", true],
    ["api.example.com", "other.com example.com", true],
    ["api.example.com", "*", true],
    ["API.Example.COM", "api.example.com", true],
    ["api.example.com.", "api.example.com", true],
    ["api.example.com", "com.example", false],
    ["10.1.2.3", "10.1.2.3", true],
    ["10.1.2.30", "10.1.2.3", false],
  ])("%s against %j → %s", (host, noProxy, expected) => {
    expect(matchesNoProxy(https(host), noProxy)).toBe(expected);
  });

  it("matches ports only when the entry has one", () => {
    expect(matchesNoProxy(https("api.example.com", 443), "api.example.com:443")).toBe(true);
    expect(matchesNoProxy(https("api.example.com", 8443), "api.example.com:443")).toBe(false);
    expect(matchesNoProxy(https("api.example.com", 8443), "example.com")).toBe(true);
    expect(matchesNoProxy(https("::1", 8443), "[::1]:8443")).toBe(true);
    expect(matchesNoProxy(https("::1", 8443), "[::1]:9000")).toBe(false);
  });
});

describe("resolveProxy", () => {
  it("reads HTTPS_PROXY for https and HTTP_PROXY for http, lower case first", () => {
    const env = { HTTPS_PROXY: "http://upper:3128", https_proxy: "http://lower:3128", HTTP_PROXY: "plain:8080" };
    expect(resolveProxy(https("api.example.com"), undefined, env)?.href).toBe("http://lower:3128/");
    expect(resolveProxy(http("api.example.com"), undefined, env)?.href).toBe("http://plain:8080/");
    expect(resolveProxy(http("api.example.com"), undefined, { HTTPS_PROXY: "http://p:1" })).toBeUndefined();
  });

  it("honours NO_PROXY and never proxies loopback hosts from the environment", () => {
    const env = { HTTPS_PROXY: "http://proxy:3128", NO_PROXY: "internal.corp" };
    expect(resolveProxy(https("x.internal.corp"), undefined, env)).toBeUndefined();
    expect(resolveProxy(https("api.example.com"), undefined, env)?.host).toBe("proxy:3128");
    expect(resolveProxy(https("api.example.com"), undefined, { ...env, no_proxy: "*" })).toBeUndefined();
    for (const host of ["localhost", "127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1", "a.localhost"]) {
      expect(isLoopback(host)).toBe(true);
      expect(resolveProxy(https(host), undefined, env)).toBeUndefined();
    }
    expect(isLoopback("128.0.0.1")).toBe(false);
  });

  it("uses an explicit proxy for every host, and false ignores the environment", () => {
    const env = { HTTPS_PROXY: "http://env:3128", NO_PROXY: "*" };
    expect(resolveProxy(https("localhost"), "http://u:p@explicit:8080", env)?.host).toBe("explicit:8080");
    expect(resolveProxy(https("api.example.com"), false, env)).toBeUndefined();
  });

  it("rejects proxy URLs that cannot work with a ConfigurationError naming the source, never echoing credentials", () => {
    expect(() => resolveProxy(https("a.b"), "socks5://p:1080", {})).toThrow(
      /the `proxy` option: the protocol must be http: or https:/,
    );
    expect(() => resolveProxy(https("a.b"), "http://p:1/path", {})).toThrow(ConfigurationError);
    expect(() => resolveProxy(https("a.b"), undefined, { HTTPS_PROXY: "http://user:s3cret@[bad" })).toThrow(
      /HTTPS_PROXY/,
    );
    expect(() => resolveProxy(https("a.b"), undefined, { HTTPS_PROXY: "http://user:s3cret@[bad" })).not.toThrow(
      /s3cret/,
    );
  });
});

describe("through a real proxy process", () => {
  const HOST = "api.example.test";
  const tls = selfSignedCert(HOST);
  let origin: Awaited<ReturnType<typeof startTlsOrigin>>;
  let proxy: ProxyProcess | undefined;
  const saved = { ...process.env };
  const clients: ServiceClient[] = [];

  beforeAll(async () => {
    origin = await startTlsOrigin(tls);
  });
  afterAll(() => new Promise<void>((resolve) => origin.server.close(() => resolve())));
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await proxy?.stop();
    proxy = undefined;
    for (const name of ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  /** A client for the TLS origin under its non-loopback name, trusting the test certificate. */
  function tlsClient(transport: { proxy?: string | false } = {}): ServiceClient {
    const client = new ServiceClient(meta, {
      endpoint: `https://${HOST}:${origin.port}`,
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
      rateLimit: false,
      retry: false,
      transport: new NodeHttpTransport({ ca: tls.cert, ...transport }),
    });
    clients.push(client);
    return client;
  }

  it("tunnels to a TLS origin with CONNECT from HTTPS_PROXY, reusing the tunnel", async () => {
    proxy = await startProxy(["--map", `${HOST}=127.0.0.1`]);
    process.env["HTTPS_PROXY"] = `http://127.0.0.1:${proxy.port}`;
    const client = tlsClient();
    await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).resolves.toEqual({
      Via: "tls-origin",
      RequestId: "req-tls",
    });
    await expect(client.invoke(describeTaskInfo, { TaskId: 2 })).resolves.toMatchObject({ Via: "tls-origin" });
    expect(proxy.connects).toEqual([`${HOST}:${origin.port}`]);
    expect(origin.hosts.slice(-2)).toEqual([`${HOST}:${origin.port}`, `${HOST}:${origin.port}`]);
  });

  it("authenticates to the proxy with the URL's credentials, and fails with EPROXYAUTH without them", async () => {
    proxy = await startProxy(["--auth", "alice:p@ss word", "--map", `${HOST}=127.0.0.1`]);
    const good = tlsClient({ proxy: `http://alice:${encodeURIComponent("p@ss word")}@127.0.0.1:${proxy.port}` });
    await expect(good.invoke(describeTaskInfo, { TaskId: 1 })).resolves.toMatchObject({ Via: "tls-origin" });

    const bad = tlsClient({ proxy: `http://alice:wrong-secret@127.0.0.1:${proxy.port}` });
    const error = await bad.invoke(describeTaskInfo, { TaskId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "EPROXYAUTH", requestSent: false, attempts: 1 });
    expect((error as Error).message).toMatch(/HTTP 407/);
    expect(JSON.stringify(error)).not.toContain("wrong-secret");
    expect((error as Error).message).not.toContain("wrong-secret");
  });

  it("fails with a typed EPROXY error when the proxy refuses the tunnel", async () => {
    proxy = await startProxy(["--refuse"]);
    const client = tlsClient({ proxy: `http://127.0.0.1:${proxy.port}` });
    const error = await client.invoke(describeTaskInfo, { TaskId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "EPROXY", requestSent: false });
    expect((error as Error).message).toMatch(/refused to open a tunnel to api\.example\.test:\d+ \(HTTP 403/);
    expect(proxy.connects).toEqual([`${HOST}:${origin.port}`]);
  });

  it("bypasses the proxy for a NO_PROXY host (the client then resolves the name itself)", async () => {
    proxy = await startProxy(["--map", `${HOST}=127.0.0.1`]);
    process.env["https_proxy"] = `http://127.0.0.1:${proxy.port}`;
    process.env["no_proxy"] = `localhost,.example.test:${origin.port}`;
    const error = await tlsClient()
      .invoke(describeTaskInfo, { TaskId: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
    expect(proxy.connects).toEqual([]);
  });

  it("fails each call with a ConfigurationError for an invalid HTTPS_PROXY, and connects once it is fixed", async () => {
    process.env["HTTPS_PROXY"] = "ftp://user:env-secret@proxy.example.test";
    const client = tlsClient();
    for (const taskId of [1, 2]) {
      const error = await client.invoke(describeTaskInfo, { TaskId: taskId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(/environment variable HTTPS_PROXY.*protocol must be http: or https:/);
      expect((error as Error).message).not.toContain("env-secret");
    }
    proxy = await startProxy(["--map", `${HOST}=127.0.0.1`]);
    process.env["HTTPS_PROXY"] = `http://127.0.0.1:${proxy.port}`;
    await expect(client.invoke(describeTaskInfo, { TaskId: 3 })).resolves.toMatchObject({ Via: "tls-origin" });
    expect(proxy.connects).toEqual([`${HOST}:${origin.port}`]);
  });

  it("ignores the environment with proxy: false", async () => {
    proxy = await startProxy();
    process.env["HTTPS_PROXY"] = `http://127.0.0.1:${proxy.port}`;
    const error = await tlsClient({ proxy: false })
      .invoke(describeTaskInfo, { TaskId: 1 })
      .catch((e: unknown) => e);
    expect((error as NetworkError).code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
    expect(proxy.connects).toEqual([]);
  });

  it("takes the proxy as a client option, for an http origin too", async () => {
    proxy = await startProxy();
    const server = await startServer((_req, res) => apiReply(res, { Via: "http-origin" }));
    try {
      const client = new ServiceClient(meta, {
        endpoint: server.origin,
        credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
        rateLimit: false,
        proxy: `http://127.0.0.1:${proxy.port}`,
      });
      clients.push(client);
      await expect(client.invoke(describeTaskInfo, { TaskId: 1 })).resolves.toMatchObject({ Via: "http-origin" });
      expect(proxy.connects).toEqual([new URL(server.origin).host]);
    } finally {
      await server.close();
    }
  });
});

describe("agent option", () => {
  it("sends every request through the caller's agent and leaves it open on close()", async () => {
    const server = await startServer((_req, res) => apiReply(res, {}));
    let created = 0;
    const agent = new (class extends HttpAgent {
      override createConnection(
        ...args: Parameters<HttpAgent["createConnection"]>
      ): ReturnType<HttpAgent["createConnection"]> {
        created++;
        return super.createConnection(...args);
      }
    })({ keepAlive: true });
    const client = new ServiceClient(meta, {
      endpoint: server.origin,
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
      rateLimit: false,
      agent,
    });
    await client.invoke(describeTaskInfo, { TaskId: 1 });
    await client.invoke(describeTaskInfo, { TaskId: 2 });
    client.close();
    expect(created).toBe(1);
    expect(Object.keys(agent.freeSockets)).toHaveLength(1);
    agent.destroy();
    await server.close();
  });

  it("refuses proxy or agent next to a custom transport", () => {
    const base = { credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY }, transport: new FetchTransport() };
    expect(() => new ServiceClient(meta, { ...base, proxy: "http://p:1" })).toThrow(
      /`proxy` option configures the default transport/,
    );
    expect(() => new ServiceClient(meta, { ...base, agent: new HttpsAgent() })).toThrow(ConfigurationError);
  });
});
