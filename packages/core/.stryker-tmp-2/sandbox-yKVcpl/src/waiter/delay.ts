/**
 * Delay before poll `attempt + 1`: exponential from `minDelayMs`, capped at `maxDelayMs`, with the
 * wait drawn uniformly between the minimum and that ceiling so many waiters started together spread
 * out instead of polling in lockstep. The first delay is exactly `minDelayMs`.
 */
// @ts-nocheck

export function pollDelay(attempt: number, minDelayMs: number, maxDelayMs: number, random: () => number): number {
  const max = Math.max(minDelayMs, maxDelayMs);
  // 2^31 already exceeds any sensible ceiling; capping the exponent keeps the arithmetic finite.
  const ceiling = Math.min(max, minDelayMs * 2 ** Math.min(attempt, 31));
  return minDelayMs + Math.round(random() * (ceiling - minDelayMs));
}
