import { fileURLToPath } from "node:url";

/** The command's module does not exist (yet); the other commands still work. */
export class CommandUnavailableError extends Error {
  override readonly name = "CommandUnavailableError";
}

/** A command entry point: takes the arguments after the command name, resolves to an exit code. */
export type CommandRunner = (args: string[]) => Promise<number>;

/**
 * Imports a command module on first use. Commands are owned by different parts of the generator;
 * importing them lazily keeps one command's missing or broken module from breaking the others.
 */
export async function loadCommand(specifier: string, exportName: string): Promise<CommandRunner> {
  const url = new URL(specifier, import.meta.url).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (err) {
    // Only the command module itself being absent means "not available"; a missing import inside it is a real bug.
    const missingItself = String((err as Error).message).includes(`'${fileURLToPath(url).replace(/\.js$/, "")}`);
    if ((err as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && missingItself) {
      throw new CommandUnavailableError(`command module ${specifier} is not available yet`);
    }
    throw err;
  }
  const run = mod[exportName];
  if (typeof run !== "function") throw new Error(`${specifier} does not export ${exportName}()`);
  return run as CommandRunner;
}
