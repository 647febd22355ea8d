import { onAbort } from "../abort/on-abort.js";
import { abortFailure } from "../errors/request-aborted-error.js";

interface Node {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  unlisten: (() => void) | undefined;
  prev: Node | undefined;
  next: Node | undefined;
}

/**
 * FIFO of callers waiting for a rate-limit slot: a doubly linked list, so a caller whose signal
 * aborts leaves in O(1) wherever it stands (a 40,000-deep queue aborted at once stays linear in
 * total), and abort listeners go through {@link onAbort} (one per signal, however many callers share it).
 */
export class WaitQueue {
  #head: Node | undefined;
  #tail: Node | undefined;
  #size = 0;

  /** Callers waiting. */
  get size(): number {
    return this.#size;
  }

  /** Queues a caller; the promise resolves on {@link WaitQueue.grant} or rejects when `signal` aborts. */
  enqueue(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortFailure(signal));
    return new Promise<void>((resolve, reject) => {
      const node: Node = { resolve, reject, unlisten: undefined, prev: this.#tail, next: undefined };
      if (this.#tail === undefined) this.#head = node;
      else this.#tail.next = node;
      this.#tail = node;
      this.#size++;
      if (signal !== undefined) {
        node.unlisten = onAbort(signal, () => {
          this.#unlink(node);
          reject(abortFailure(signal));
        });
      }
    });
  }

  /** Lets the caller at the head go; false when nobody waits. */
  grant(): boolean {
    const node = this.#head;
    if (node === undefined) return false;
    this.#unlink(node);
    node.unlisten?.();
    node.resolve();
    return true;
  }

  /** Rejects every waiting caller, in order, with an error from `makeError`. */
  rejectAll(makeError: () => unknown): void {
    for (let node = this.#head; node !== undefined; node = this.#head) {
      this.#unlink(node);
      node.unlisten?.();
      node.reject(makeError());
    }
  }

  /**
   * Called exactly once per node: by `grant`, `rejectAll` or the node's abort listener, and the first
   * two remove that listener (so it never runs) before anything else can.
   */
  #unlink(node: Node): void {
    if (node.prev === undefined) this.#head = node.next;
    else node.prev.next = node.next;
    if (node.next === undefined) this.#tail = node.prev;
    else node.next.prev = node.prev;
    node.prev = node.next = undefined;
    this.#size--;
  }
}
