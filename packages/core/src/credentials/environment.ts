import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { type CredentialFetcher, nodeFetcher } from "./http.js";

/**
 * What credential sources read from the outside world. Every field is injectable so tests and
 * unusual runtimes never touch the real environment, home directory, disk or network.
 */
export interface CredentialEnvironment {
  /** Environment variables. Default `process.env`, read at each resolution. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Home directory for `~/.tencentcloud/credentials`. Default `os.homedir()`. */
  readonly homedir?: string;
  /** Reads a UTF-8 file; rejects with `code: "ENOENT"` when it does not exist. Default `fs.promises.readFile`. */
  readonly readFile?: (path: string) => Promise<string>;
  /** HTTP layer for the CVM metadata service and unsigned STS calls. Default {@link nodeFetcher}. */
  readonly fetch?: CredentialFetcher;
  /** Clock in ms since the epoch, for expiry and session names. Default `Date.now`. */
  readonly now?: () => number;
}

/** {@link CredentialEnvironment} with defaults filled in. */
export interface ResolvedEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: () => string;
  readonly readFile: (path: string) => Promise<string>;
  readonly fetch: CredentialFetcher;
  readonly now: () => number;
}

/** Fills in the real process environment, home directory, disk, network and clock where not injected. */
export function resolveEnvironment(options: CredentialEnvironment = {}): ResolvedEnvironment {
  const home = options.homedir;
  return {
    env: options.env ?? process.env,
    homedir: home === undefined ? homedir : () => home,
    readFile: options.readFile ?? ((path) => readFile(path, "utf8")),
    fetch: options.fetch ?? nodeFetcher,
    now: options.now ?? Date.now,
  };
}

/** The variable's value, treating empty and whitespace-only as unset. */
export function envValue(env: ResolvedEnvironment["env"], name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** True when a read failed because the file is absent, as opposed to unreadable. */
export function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
