// Percentiles as every statistic of the workbench reports them.

/** Nearest-rank percentile of an ascending list; `fraction` is 0–1 (0.95 for p95); null for an empty list. */
export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? null;
}
