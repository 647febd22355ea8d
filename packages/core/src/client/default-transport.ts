import { ConfigurationError } from "../errors/configuration-error.js";
import { NodeHttpTransport } from "../transport/node-http.js";
import type { Transport } from "../transport/types.js";
import type { ClientOptions } from "./options.js";

/**
 * The client's transport: `transport` if given, else {@link NodeHttpTransport} with the client's
 * `proxy` and `agent`. Those two configure the default transport only, so combining them with
 * `transport` is refused.
 * @throws ConfigurationError for `proxy`/`agent` next to `transport`, or an invalid proxy URL.
 */
export function resolveTransport(options: ClientOptions): Transport {
  const { proxy, agent } = options;
  if (options.transport !== undefined && (proxy !== undefined || agent !== undefined)) {
    throw new ConfigurationError(
      `The ${proxy !== undefined ? "`proxy`" : "`agent`"} option configures the default transport and cannot be combined with ` +
        "`transport`: configure your transport instead",
    );
  }
  if (options.transport !== undefined) return options.transport;
  return new NodeHttpTransport({
    ...(proxy === undefined ? {} : { proxy }),
    ...(agent === undefined ? {} : { agent }),
  });
}
