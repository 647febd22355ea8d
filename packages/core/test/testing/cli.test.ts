import { describe, expect, it } from "vitest";
import { runMockServerCli } from "../../src/testing/index.js";
import { fixture } from "./fixture.js";

/** Runs the CLI with captured output and a stop trigger under the test's control. */
function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const done = runMockServerCli(fixture, argv, { out: (l) => out.push(l), err: (l) => err.push(l), stopped, env });
  return { out, err, stop, done };
}

async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setImmediate(resolve));
}

describe("runMockServerCli", () => {
  it("prints the endpoint and a throwaway key pair, serves until stopped, then exits 0", async () => {
    const cli = run(["--json", "--task-duration", "0"]);
    await until(() => cli.out.length > 0);
    const printed = JSON.parse(cli.out[0]!) as { endpoint: string; secretId: string; secretKey: string };
    expect(printed.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(printed.secretId).toMatch(/^AKIDlocal/);
    const answer = await fetch(printed.endpoint, { method: "POST", body: "{}" });
    expect(((await answer.json()) as { Response: { Error: { Code: string } } }).Response.Error.Code).toBe(
      "AuthFailure.InvalidAuthorization",
    );
    cli.stop();
    expect(await cli.done).toBe(0);
    await expect(fetch(printed.endpoint, { method: "POST", body: "{}" })).rejects.toThrow();
  });

  it("uses the key pair from the environment and does not print its secret", async () => {
    const cli = run([], { TENCENTCLOUD_SECRET_ID: "AKIDfromenv", TENCENTCLOUD_SECRET_KEY: "env-secret" });
    await until(() => cli.out.length >= 4);
    expect(cli.out[0]).toMatch(/^Local demo 2020-01-01 endpoint: http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.out.join("\n")).toContain("TENCENTCLOUD_SECRET_ID=AKIDfromenv");
    expect(cli.out.join("\n")).not.toContain("env-secret");
    cli.stop();
    expect(await cli.done).toBe(0);
  });

  it("exits 2 with usage on bad arguments, without starting a server", async () => {
    expect(await run(["--port", "abc"]).done).toBe(2);
    const bad = run(["--frobnicate"]);
    expect(await bad.done).toBe(2);
    expect(bad.err.join("\n")).toContain("--task-duration <ms>");
    expect(bad.out).toEqual([]);
  });

  it("prints help and exits 0", async () => {
    const help = run(["--help"]);
    expect(await help.done).toBe(0);
    expect(help.out[0]).toContain("--rate-limits");
  });
});
