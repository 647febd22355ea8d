import { Agent as HttpAgent } from "node:http";
import type { AgentOptions, Agent as HttpsAgent } from "node:https";
import type { ResolvedEndpoint } from "../endpoint/resolve.js";
import { loadHttps } from "./https-module.js";
import { parseProxyUrl } from "./proxy/url.js";
import { proxyVariable } from "./proxy/variables.js";

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
    let agent: HttpAgent | Promise<HttpAgent>;
    if (this.#explicitProxy !== undefined) agent = this.#connect(endpoint, this.#explicitProxy || undefined);
    else if (proxyVariable(endpoint.protocol, process.env) === undefined) agent = this.#connect(endpoint, undefined);
    else {
      // The NO_PROXY rules and URL checks load only when a proxy variable is set for this protocol.
      agent = import("./proxy/env.js").then(({ resolveProxy }) => {
        const decided = this.#connect(endpoint, resolveProxy(endpoint, undefined));
        if (!(decided instanceof Promise)) this.#routes.set(endpoint.origin, decided);
        return decided;
      });
    }
    this.#routes.set(endpoint.origin, agent);
    // A failed decision (an invalid proxy URL in the environment) is not kept: the next call reports it again.
    if (agent instanceof Promise) agent.catch(() => this.#routes.delete(endpoint.origin));
    return agent;
  }

  /** The agent for `endpoint` through `proxy`, or directly without one. */
  #connect(endpoint: ResolvedEndpoint, proxy: URL | undefined): HttpAgent | Promise<HttpAgent> {
    const secure = endpoint.protocol === "https:";
    if (proxy === undefined && !secure) return (this.#http ??= this.#own(new HttpAgent(this.#agentOptions())));
    if (proxy === undefined) {
      return (
        this.#https ??
        loadHttps().then(({ Agent }) => {
          const https = (this.#https ??= this.#own(new Agent(this.#agentOptions())));
          this.#routes.set(endpoint.origin, https);
          return https;
        })
      );
    }
    return import("./proxy/tunnel-agent.js").then(({ createTunnelAgent }) => {
      const tunnel = this.#own(createTunnelAgent(proxy, secure, this.#agentOptions()));
      this.#routes.set(endpoint.origin, tunnel);
      return tunnel;
    });
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
