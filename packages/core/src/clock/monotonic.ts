/**
 * Milliseconds on a monotonic clock (arbitrary origin), for call deadlines and attempt durations.
 * `process.hrtime` rather than `performance.now()`: the first use of the `performance` global loads
 * `perf_hooks` (about 2 ms), which the first call of every process would otherwise pay.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
