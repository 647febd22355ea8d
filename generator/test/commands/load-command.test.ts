import { describe, expect, it } from "vitest";
import { CommandUnavailableError, loadCommand } from "../../src/commands/load-command.js";

describe("loadCommand", () => {
  it("loads a command's runner by export name", async () => {
    const run = await loadCommand("./specs-import.js", "runSpecsImport");
    expect(typeof run).toBe("function");
  });

  it("says a command module is not available when the module itself is absent", async () => {
    await expect(loadCommand("./no-such-command.js", "run")).rejects.toBeInstanceOf(CommandUnavailableError);
  });

  it("names the missing export", async () => {
    await expect(loadCommand("./specs-import.js", "runNothing")).rejects.toThrow("./specs-import.js does not export runNothing()");
  });
});
