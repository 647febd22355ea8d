import { Agent as HttpAgent } from "node:http";
import type { AgentOptions, Agent as HttpsAgent } from "node:https";
import type { ResolvedEndpoint } from "../endpoint/resolve.js";
import { loadHttps } from "./https-module.js";
import { parseProxyUrl, resolveProxy } from "./proxy/env.js";

/** How {@link AgentPool} connects; the proxy and agent fields of `NodeHttpTransportOptions`. */
export interface AgentPoolOptions {
  readonly maxSockets?: number | undefined;
  readonly idleSocketTimeoutMs?: number | undefined;
  readonly proxy?: string | false | undefined;
  readonly agent?: HttpAgent | undefined;
  readonly ca?: AgentOptions["ca"] | undefined;
}

/**
 * The connection pools of one transport: the caller's own agent if given; else one keep-alive agent
 * per protocol for direct connections, and one per proxy and protocol for tunnelled ones. Whether a
 * proxy applies is decided once per origin; the tunnel code is imported the first time one does.
 */
export class AgentPool {
  readonly #options: AgentPoolOptions;
  readonly #explicitProxy: URL | false | undefined;
  readonly #routes = new Map<string, HttpAgent | Promise<HttpAgent>>();
  readonly #owned: HttpAgent[] = [];
  #http: HttpAgent | undefined;
  #https: HttpsAgent | undefined;

  /** @throws ConfigurationError for an invalid `proxy` URL. */
  constructor(options: AgentPoolOptions) {
    this.#options = options;
    const { proxy } = options;
    this.#explicitProxy = typeof proxy === "string" ? parseProxyUrl(proxy, "the `proxy` option") : proxy;
  }

  /** The agent for `endpoint`: synchronous except the first time a proxy or an https origin is used. */
  agentFor(endpoint: ResolvedEndpoint): HttpAgent | Promise<HttpAgent> {
    if (this.#options.agent !== undefined) return this.#options.agent;
    const route = this.#routes.get(endpoint.origin);
    if (route !== undefined) return route;
    const proxy =
      this.#explicitProxy === undefined ? resolveProxy(endpoint, undefined) : this.#explicitProxy || undefined;
    const secure = endpoint.protocol === "https:";
    let agent: HttpAgent | Promise<HttpAgent>;
    if (proxy === undefined && !secure) {
      agent = this.#http ??= this.#own(new HttpAgent(this.#agentOptions()));
    } else if (proxy === undefined) {
      agent =
        this.#https ??
        loadHttps().then(({ Agent }) => {
          const https = (this.#https ??= this.#own(new Agent(this.#agentOptions())));
          this.#routes.set(endpoint.origin, https);
          return https;
        });
    } else {
      agent = import("./proxy/tunnel-agent.js").then(({ createTunnelAgent }) => {
        const tunnel = this.#own(createTunnelAgent(proxy, secure, this.#agentOptions()));
        this.#routes.set(endpoint.origin, tunnel);
        return tunnel;
      });
    }
    this.#routes.set(endpoint.origin, agent);
    return agent;
  }

  /** Destroys the agents this pool created (never the caller's own). */
  close(): void {
    for (const agent of this.#owned.splice(0)) agent.destroy();
    this.#routes.clear();
    this.#http = this.#https = undefined;
  }

  #own<A extends HttpAgent>(agent: A): A {
    this.#owned.push(agent);
    return agent;
  }

  #agentOptions(): AgentOptions {
    return {
      keepAlive: true,
      scheduling: "lifo",
      maxSockets: this.#options.maxSockets ?? 50,
      timeout: this.#options.idleSocketTimeoutMs ?? 15_000,
      ...(this.#options.ca === undefined ? {} : { ca: this.#options.ca }),
    };
  }
}
