import { describe, expect, it } from "vitest";
import { emitClient } from "../../src/emit/client.js";
import { emitPaginators } from "../../src/emit/paginators.js";
import { TsPrinter } from "../../src/emit/printer.js";
import { emitWaiters } from "../../src/emit/waiters.js";
import { expectVersionGolden, kettleIr } from "./golden.js";

describe("client, waiter and paginator emitters", async () => {
  const ir = await kettleIr();
  const printer = new TsPrinter();
  const client = emitClient(ir, printer);

  it("match their golden files", async () => {
    await expectVersionGolden(ir, client);
    await expectVersionGolden(ir, emitWaiters(ir, printer)!);
    await expectVersionGolden(ir, emitPaginators(ir, printer)!);
  });

  it("gives each action method one invoke call and no other logic", () => {
    const bodies = [...client.content.matchAll(/\n {2}(\w+)\(request[^\n]*\): Promise<\w+> \{\n([\s\S]*?)\n {2}\}\n/g)];
    expect(bodies.map((m) => m[1])).toEqual([
      "boilWater",
      "describeBoilTask",
      "describeKettles",
      "getKettleStats",
      "renameKettle",
    ]);
    for (const [, method, body] of bodies) {
      expect(body).toBe(
        `    return this.invoke<${method!.charAt(0).toUpperCase()}${method!.slice(1)}Response>(actions.${method}, request, options);`,
      );
    }
  });

  it("lets requests without required members be omitted", () => {
    expect(client.content).toContain("describeKettles(request: DescribeKettlesRequest = {}, options?: CallOptions)");
    expect(client.content).toContain("boilWater(request: BoilWaterRequest, options?: CallOptions)");
  });

  it("documents rate limit, task, paginator, error codes, sample and deprecation", () => {
    const boil = client.content.slice(
      client.content.indexOf("   * Boils water."),
      client.content.indexOf("  boilWater("),
    );
    expect(boil).toContain("Rate limit: 10 requests per second.");
    expect(boil).toContain("Starts a task: wait for it with {@link KettleClient.waitForTask | waitForTask}.");
    expect(boil).toContain("- `ResourceNotFound.KettleNotFound`: No kettle has this ID.");
    expect(boil).toContain('const response = await client.boilWater({ KettleId: "k-8f2a", TargetTemperature: 95 });');
    expect(client.content).toMatch(
      /@deprecated The service marks this action deprecated\.\n {3}\*\/\n {2}renameKettle\(/,
    );
  });

  it("emits no waiter or paginator module for a service without them", () => {
    const bare = { ...ir, waiters: [], actions: ir.actions.map(({ paginator: _, ...a }) => ({ ...a, trackedBy: [] })) };
    expect(emitWaiters(bare, printer)).toBeUndefined();
    expect(emitPaginators(bare, printer)).toBeUndefined();
    const text = emitClient(bare, printer).content;
    expect(text).not.toContain("waitFor");
    expect(text).not.toContain("paginate");
  });
});
