import type * as Https from "node:https";

let loaded: typeof Https | undefined;

/**
 * `node:https` (and TLS with it), loaded with the first https request instead of with the client: an
 * import of the SDK, or a client talking to an http endpoint (a local endpoint, a proxy), never pays for it.
 */
export async function loadHttps(): Promise<typeof Https> {
  loaded ??= await import("node:https");
  return loaded;
}

/** The module once {@link loadHttps} resolved, else `undefined`. */
export function loadedHttps(): typeof Https | undefined {
  return loaded;
}
