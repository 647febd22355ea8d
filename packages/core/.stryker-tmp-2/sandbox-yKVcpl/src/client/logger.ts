/**
 * Receives the client's debug lines: one per attempt sent, one per attempt ended, one per backoff.
 * Fields are plain data (service, action, attempt, endpoint, status, RequestId, duration, error name,
 * code and message): never keys, tokens, signatures or request bodies.
 */
// @ts-nocheck

export interface Logger {
  debug(message: string, fields: Readonly<Record<string, unknown>>): void;
}

/** Namespace of the debug lines, matched by `DEBUG` like the `debug` package's patterns. */
export const DEBUG_NAMESPACE = "tc:core";

/** Writes `tc:core <message> <fields as JSON>` lines to stderr. */
export const stderrLogger: Logger = {
  debug(message, fields) {
    process.stderr.write(`${DEBUG_NAMESPACE} ${message} ${JSON.stringify(fields)}\n`);
  },
};

/**
 * The logger a client uses: the `logger` option, else {@link stderrLogger} when the `DEBUG`
 * environment variable contains `tc:` (e.g. `DEBUG=tc:*`), else none.
 */
export function resolveLogger(option: Logger | undefined, env: NodeJS.ProcessEnv = process.env): Logger | undefined {
  if (option !== undefined) return option;
  return env["DEBUG"]?.includes("tc:") ? stderrLogger : undefined;
}
