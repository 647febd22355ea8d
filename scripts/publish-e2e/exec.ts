import { spawn } from "node:child_process";

/** How to run one command of the publish test. */
export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Upper bound on the command's run time; the whole process group is killed when it is exceeded. */
  timeoutMs: number;
}

/** Output of a command that exited 0. */
export interface RunResult {
  stdout: string;
  stderr: string;
}

const TAIL_LINES = 40;

/**
 * Runs a command in its own process group and resolves with its output when it exits 0. Otherwise rejects with a
 * message naming the command, its directory, exit status or timeout, and the tail of its output, so a failing
 * publish test says what broke without re-running it.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const shown = [command, ...args].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      // Own process group: npm and turbo spawn grandchildren, and a timeout must stop all of them.
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${shown} could not start in ${options.cwd}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && !timedOut) {
        resolve({ stdout, stderr });
        return;
      }
      const why = timedOut
        ? `did not finish within ${Math.round(options.timeoutMs / 1000)} s and was killed`
        : `exited with ${code === null ? `signal ${signal ?? "?"}` : `code ${code}`}`;
      reject(new Error(`${shown} ${why} (in ${options.cwd})\n${tail(stdout, stderr)}`));
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group is already gone.
  }
}

function tail(stdout: string, stderr: string): string {
  const lines = [stdout, stderr]
    .map((text) => text.trimEnd())
    .filter((text) => text !== "")
    .join("\n")
    .split("\n");
  const shown = lines.slice(-TAIL_LINES).map((line) => (line.trim() === "" ? "" : `    ${line}`));
  return (lines.length > TAIL_LINES ? [`    … ${lines.length - TAIL_LINES} earlier lines`, ...shown] : shown).join(
    "\n",
  );
}
