import { execFileSync } from "node:child_process";

/** Runs git in `cwd` and returns its stdout; a failure names the git command and carries git's own message. */
export function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const detail = typeof stderr === "string" && stderr.trim() !== "" ? stderr.trim() : (error as Error).message;
    throw new Error(`git ${args.join(" ")} failed in ${cwd}: ${detail}`);
  }
}

/** Like {@link git} but returns `undefined` instead of throwing, for probes such as "does this path exist at that commit". */
export function tryGit(cwd: string, args: readonly string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch {
    return undefined;
  }
}

/** Splits git's NUL-separated `-z` output into entries. */
export function splitNul(output: string): string[] {
  return output.split("\0").filter((entry) => entry !== "");
}
