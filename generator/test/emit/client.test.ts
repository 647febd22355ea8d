import { describe, expect, it } from "vitest";
import { clientEmitter } from "../../src/emit/emitters/client.js";
import { operationsEmitter } from "../../src/emit/emitters/operations.js";
import { paginatorsEmitter } from "../../src/emit/emitters/paginators.js";
import { waitersEmitter } from "../../src/emit/emitters/waiters.js";
import { runVersionEmitter } from "../../src/emit/index.js";
import { TsPrinter } from "../../src/emit/support/printer.js";
import { expectVersionGolden, kettleIr } from "./golden.js";

describe("client, waiter and paginator emitters", async () => {
  const ir = await kettleIr();
  const printer = new TsPrinter();
  const [client] = runVersionEmitter(clientEmitter, ir, printer);

  it("match their golden files", async () => {
    await expectVersionGolden(ir, client!);
    for (const file of runVersionEmitter(waitersEmitter, ir, printer)) await expectVersionGolden(ir, file);
    for (const file of runVersionEmitter(paginatorsEmitter, ir, printer)) await expectVersionGolden(ir, file);
  });

  it("gives each action function one invoke call and no other logic", () => {
    const [operations] = runVersionEmitter(operationsEmitter, ir, printer);
    const bodies = [
      ...operations!.content.matchAll(
        /\nexport function (\w+)\(client: KettleBaseClient, request[^\n]*\): Promise<\w+> \{\n([\s\S]*?)\n\}\n/g,
      ),
    ];
    expect(bodies.map((m) => m[1])).toEqual([
      "boilWater",
      "describeBoilTask",
      "describeKettles",
      "getKettleStats",
      "renameKettle",
    ]);
    for (const [, method, body] of bodies) {
      expect(body).toBe(
        `  return client.invoke<${method!.charAt(0).toUpperCase()}${method!.slice(1)}Response>(actions.${method}, request, options);`,
      );
    }
  });

  it("makes every method pass this and its arguments to the function of the same name", () => {
    const methods = [...client!.content.matchAll(/\n {2}(\w+)\(([^\n]*)\): [^\n]+ \{\n([\s\S]*?)\n {2}\}\n/g)];
    expect(methods.map((m) => m[1])).toEqual([
      "boilWater",
      "describeBoilTask",
      "describeKettles",
      "paginateDescribeKettles",
      "getKettleStats",
      "renameKettle",
      "waitForTask",
    ]);
    for (const [, method, parameters, body] of methods) {
      const names = parameters!.split(", ").map((p) => p.split(/[?:]/)[0]);
      expect(body).toBe(`    return operations.${method}(${["this", ...names].join(", ")});`);
    }
    // Nothing else: no core call (core is imported for types only), no action data.
    expect(client!.content).not.toMatch(
      /this\.invoke|actions\.\w|import \* as actions|^import \{[^}]*\} from "@org\/tc-core"/m,
    );
    expect(client!.content).toContain(
      'import type { CallOptions, ClientOptions, PaginateOptions, Paginated, WaitOptions } from "@org/tc-core";',
    );
  });

  it("reaches the function through the operations namespace, so a method named like its parameter still delegates", () => {
    const renamed = {
      ...ir,
      actions: ir.actions.map((a) => (a.methodName === "renameKettle" ? { ...a, methodName: "request" } : a)),
    };
    const text = runVersionEmitter(clientEmitter, renamed, printer)[0]!.content;
    expect(text).toContain(
      "  request(request: RenameKettleRequest, options?: CallOptions): Promise<RenameKettleResponse> {\n" +
        "    return operations.request(this, request, options);\n",
    );
    expect(text).toContain('import * as operations from "./operations.gen.js";');
  });

  it("lets requests without required members be omitted", () => {
    expect(client!.content).toContain("describeKettles(request: DescribeKettlesRequest = {}, options?: CallOptions)");
    expect(client!.content).toContain("boilWater(request: BoilWaterRequest, options?: CallOptions)");
  });

  it("documents rate limit, task, paginator, error codes, sample and deprecation", () => {
    const boil = client!.content.slice(
      client!.content.indexOf("   * Boils water."),
      client!.content.indexOf("  boilWater("),
    );
    expect(boil).toContain("Rate limit: 10 requests per second.");
    expect(boil).toContain("Starts a task: wait for it with {@link KettleClient.waitForTask | waitForTask}.");
    expect(boil).toContain("- `ResourceNotFound.KettleNotFound`: No kettle has this ID.");
    expect(boil).toContain('const response = await client.boilWater({ KettleId: "k-8f2a", TargetTemperature: 95 });');
    expect(client!.content).toMatch(
      /@deprecated The service marks this action deprecated\.\n {3}\*\/\n {2}renameKettle\(/,
    );
  });

  it("emits no waiter or paginator module for a service without them", () => {
    const bare = { ...ir, waiters: [], actions: ir.actions.map(({ paginator: _, ...a }) => ({ ...a, trackedBy: [] })) };
    expect(runVersionEmitter(waitersEmitter, bare, printer)).toEqual([]);
    expect(runVersionEmitter(paginatorsEmitter, bare, printer)).toEqual([]);
    const text = runVersionEmitter(clientEmitter, bare, printer)[0]!.content;
    expect(text).not.toContain("waitFor");
    expect(text).not.toContain("paginate");
  });
});
