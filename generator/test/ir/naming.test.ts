import { describe, expect, it } from "vitest";
import { pascalCase, servicePrefix, unscopedName, waiterMethodName } from "../../src/ir/naming.js";

describe("other casings", () => {
  it("pascal-cases separated words", () => {
    expect(pascalCase("task_done")).toBe("TaskDone");
    expect(pascalCase("taskDone")).toBe("TaskDone");
  });

  it("derives service names from the client and package names", () => {
    expect(servicePrefix("RedisClient")).toBe("Redis");
    expect(servicePrefix("Client")).toBe("Client");
    expect(servicePrefix("Kettle")).toBe("Kettle");
    expect(unscopedName("@org/tc-redis")).toBe("tc-redis");
    expect(unscopedName("tc-redis")).toBe("tc-redis");
  });

  it("names a waiter after the id it tracks", () => {
    expect(waiterMethodName("TaskDone", "TaskId")).toBe("waitForTask");
    expect(waiterMethodName("BackupReady", "BackupID")).toBe("waitForBackup");
    expect(waiterMethodName("InstanceRunning", "InstanceName")).toBe("waitUntilInstanceRunning");
    expect(waiterMethodName("Ready", "Id")).toBe("waitUntilReady");
  });
});
