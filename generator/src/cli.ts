import { runSpecsImport } from "./commands/specs-import.js";
import { CommandUnavailableError, loadCommand } from "./commands/load-command.js";

const USAGE = [
  "usage: cli <command> [args]",
  "  generate [args]                 generate SDK packages from specs/",
  "  specs:import doc|bulk [args]    import API docs or a service description into specs/",
].join("\n");

/** Entry point of `npm run generate` and `npm run specs:import`. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "specs:import":
      return runSpecsImport(rest);
    case "generate": {
      const runGenerate = await loadCommand("./generate.js", "runGenerate");
      return runGenerate(rest);
    }
    case "-h":
    case "--help":
      console.log(USAGE);
      return 0;
    default:
      console.error(command === undefined ? USAGE : `unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A stack trace helps only for bugs, not for a command that is simply absent.
    if (err instanceof CommandUnavailableError) console.error(err.message);
    else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  },
);
