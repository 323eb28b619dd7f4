/**
 * The value at quantile `q` (0…1) of ascending `sorted` samples, nearest-rank: the smallest sample
 * with at least `q` of the samples at or below it. NaN for no samples, so a missing figure shows.
 *
 * @example percentile([1, 2, 3, 4], 0.5) // 2
 */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** The median of unsorted samples. */
export function median(samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 0.5);
}
