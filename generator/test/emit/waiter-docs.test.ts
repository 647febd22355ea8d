import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { WAITER_DEFAULT_TIMEOUT_MINUTES, waiterRejections } from "../../src/emit/support/waiter-docs.js";

// Core's source, loaded by path: the generator's build does not compile core.
const CORE_POLL = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../packages/core/src/waiter/poll.ts",
);

describe("waiter TSDoc", () => {
  it("states the default timeout core's waiters use", async () => {
    const { DEFAULT_TIMEOUT_MS } = (await import(pathToFileURL(CORE_POLL).href)) as { DEFAULT_TIMEOUT_MS: number };
    expect(WAITER_DEFAULT_TIMEOUT_MINUTES * 60_000).toBe(DEFAULT_TIMEOUT_MS);
    expect(waiterRejections(undefined)).toContain(`(default ${WAITER_DEFAULT_TIMEOUT_MINUTES} minutes)`);
  });

  it("names the failure error first when the waiter has failure states", () => {
    expect(waiterRejections("a `TaskFailedError` when `Status` becomes `failed`")).toMatch(
      /^Rejects with a `TaskFailedError` when `Status` becomes `failed`, with a `WaiterTimeoutError` after/,
    );
    expect(waiterRejections(undefined)).toMatch(/^Rejects with a `WaiterTimeoutError` after/);
  });
});
