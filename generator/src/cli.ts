const USAGE = [
  "usage: cli <command> [args]",
  "  generate [args]                 generate SDK packages from specs/",
  "  specs:import doc|bulk [args]    import API docs or a service description into specs/",
  "  catalogue:check <dir> [args]    import, generate, type-check and smoke-test every service of a catalogue",
].join("\n");

/** Entry point of `npm run generate` and `npm run specs:import`. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // Each command is imported on use: generation loads ts-morph (its own TypeScript), importing does not.
    case "specs:import":
      return (await import("./commands/specs-import.js")).runSpecsImport(rest);
    case "generate":
      return (await import("./commands/generate.js")).runGenerate(rest);
    case "catalogue:check":
      return (await import("./commands/catalogue-check/index.js")).runCatalogueCheck(rest);
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
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  },
);
