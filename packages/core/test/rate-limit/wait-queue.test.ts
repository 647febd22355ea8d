import { describe, expect, it } from "vitest";
import { WaitQueue } from "../../src/rate-limit/wait-queue.js";

describe("WaitQueue", () => {
  it("grant lets the head go and says whether anybody was waiting", async () => {
    const queue = new WaitQueue();
    expect(queue.grant()).toBe(false);
    expect(queue.size).toBe(0);
    const order: number[] = [];
    const waiting = [1, 2].map((n) => queue.enqueue(undefined).then(() => order.push(n)));
    expect(queue.size).toBe(2);
    expect(queue.grant()).toBe(true);
    expect(queue.grant()).toBe(true);
    expect(queue.grant()).toBe(false);
    await Promise.all(waiting);
    expect(order).toEqual([1, 2]);
  });
});
