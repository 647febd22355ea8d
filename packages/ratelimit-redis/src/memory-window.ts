/**
 * The acquire/settle logic of the Lua scripts (script.ts), in memory for one process: what the
 * limiter falls back to while Redis is unreachable. It also mirrors the slots this process took
 * from Redis, so a fallback continues the current window instead of starting an empty one.
 */
export class MemoryWindows {
  /** Per key: member → score (ms, `performance.now()` clock; in the future while in flight). */
  readonly #keys = new Map<string, Map<string, number>>();

  /** 0 when a slot was taken for `member` (recorded as in flight), else ms to wait. */
  take(id: string, limit: number, windowMs: number, member: string, leaseMs: number, pollMs: number): number {
    const now = performance.now();
    const slots = this.#slots(id, now, windowMs);
    if (slots.size < limit) {
      slots.set(member, now + leaseMs);
      return 0;
    }
    const oldest = Math.min(...slots.values());
    return oldest > now ? pollMs : Math.max(1, Math.ceil(oldest + windowMs - now));
  }

  /** Records a slot Redis granted, as in flight. */
  record(id: string, member: string, leaseMs: number): void {
    let slots = this.#keys.get(id);
    if (slots === undefined) this.#keys.set(id, (slots = new Map()));
    slots.set(member, performance.now() + leaseMs);
  }

  /** Re-times a slot to now, when its call ended. */
  settle(id: string, member: string): void {
    const slots = this.#keys.get(id);
    if (slots?.has(member)) slots.set(member, performance.now());
  }

  #slots(id: string, now: number, windowMs: number): Map<string, number> {
    let slots = this.#keys.get(id);
    if (slots === undefined) this.#keys.set(id, (slots = new Map()));
    for (const [member, score] of slots) if (score <= now - windowMs) slots.delete(member);
    return slots;
  }
}
