import { percentile } from '../stats/percentile.ts';

/** Latency percentiles (µs) and throughput (calls/s) of calling `fn` over `inputs`. */
export type Timing = { p50: number; p99: number; perSecond: number; calls: number };

/**
 * Time `fn` on every input, `rounds` times, after a warm-up round. Per-call times come from
 * `process.hrtime`; throughput is calls over the total time of the measured rounds.
 */
export function measure<T>(inputs: readonly T[], fn: (input: T) => unknown, rounds = 5): Timing {
  for (const input of inputs) fn(input);
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r += 1) {
    for (const input of inputs) {
      const t0 = process.hrtime.bigint();
      fn(input);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), perSecond: samples.length / totalSeconds, calls: samples.length };
}
