// How figures are written in BENCHMARKS.md: few digits, so a re-run's diff shows what moved.

/** A number with `digits` decimals, or `—` when it was not measured (NaN). */
export const fixed = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** A whole number with thousands separators. */
export const whole = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');

/** A share as a percentage. */
export const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');

/** A ratio to the run's baseline: `0.42×`. */
export const ratio = (x: number, digits = 2): string => (Number.isFinite(x) ? `${x.toFixed(digits)}×` : '—');

/** Bytes as KiB. */
export const kib = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KiB` : '—');
