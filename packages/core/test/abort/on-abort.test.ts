import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { holdAbortListener, onAbort } from "../../src/abort/on-abort.js";

describe("onAbort", () => {
  it("runs every registered listener once, in registration order, through one event listener", () => {
    const controller = new AbortController();
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) onAbort(controller.signal, () => ran.push(i));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    controller.abort();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
  });

  it("skips unregistered listeners, whatever their place in the list, and unregistering twice is harmless", () => {
    const controller = new AbortController();
    const ran: string[] = [];
    const offs = ["a", "b", "c", "d"].map((name) => onAbort(controller.signal, () => ran.push(name)));
    offs[0]!();
    offs[2]!();
    offs[2]!();
    offs[3]!();
    controller.abort();
    expect(ran).toEqual(["b"]);
  });

  it("removes the signal's event listener when the last listener leaves, and registers afresh after", () => {
    const controller = new AbortController();
    const first = onAbort(controller.signal, () => {});
    const second = onAbort(controller.signal, () => {});
    second();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    first();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    let ran = 0;
    onAbort(controller.signal, () => ran++);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    expect(ran).toBe(1);
  });

  it("does not run a listener that an earlier one unregistered during the abort", () => {
    const controller = new AbortController();
    const ran: string[] = [];
    let offSecond = (): void => {};
    onAbort(controller.signal, () => {
      ran.push("first");
      offSecond();
    });
    offSecond = onAbort(controller.signal, () => ran.push("second"));
    onAbort(controller.signal, () => ran.push("third"));
    controller.abort();
    expect(ran).toEqual(["first", "third"]);
  });

  it("keeps the list whole when entries leave from the middle while others join", () => {
    const controller = new AbortController();
    const ran: number[] = [];
    const offs = new Map<number, () => void>();
    for (let i = 0; i < 100; i++) {
      offs.set(
        i,
        onAbort(controller.signal, () => ran.push(i)),
      );
      if (i % 3 === 0) offs.get(i - 1)?.();
    }
    controller.abort();
    const expected = Array.from({ length: 100 }, (_, i) => i).filter((i) => (i + 1) % 3 !== 0 || i === 99);
    expect(ran).toEqual(expected);
  });

  it("keeps a held signal's event listener when the last listener leaves, and still runs later ones", () => {
    const controller = new AbortController();
    holdAbortListener(controller.signal);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    for (let i = 0; i < 3; i++) onAbort(controller.signal, () => {})();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    const ran: number[] = [];
    onAbort(controller.signal, () => ran.push(1));
    onAbort(controller.signal, () => ran.push(2))();
    controller.abort();
    expect(ran).toEqual([1]);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("holds nothing on a signal that has already aborted", () => {
    const controller = new AbortController();
    controller.abort();
    holdAbortListener(controller.signal);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
