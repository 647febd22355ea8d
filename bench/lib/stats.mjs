// Small statistics for interleaved runs: medians, and medians of per-round ratios (paired ratios
// cancel the drift between rounds that makes absolute numbers on a shared machine unreliable).

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Median over rounds of a[i] / b[i]; rounds where either side is missing are skipped. */
export function pairedRatio(a, b) {
  const ratios = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i]) && b[i] !== 0) ratios.push(a[i] / b[i]);
  }
  return median(ratios);
}
