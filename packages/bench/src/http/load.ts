import autocannon from 'autocannon';
import { percentile } from '../stats/percentile.ts';

/** One request of a load run. */
export type LoadRequest = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };

/** What a load run measured: throughput of 2xx answers and their latency (ms). */
export type LoadResult = { requests: number; ok: number; failed: number; seconds: number; perSecond: number; p50: number; p99: number };

export type LoadOptions = {
  url: string;
  /** Called once per request sent, in order: hand out a different request each time. */
  next: () => LoadRequest;
  connections: number;
  seconds: number;
};

/**
 * Closed-loop load: `connections` keep one request each in flight for `seconds`. Latency is each
 * response's own time (autocannon's `response` event, µs resolution) rather than autocannon's
 * whole-millisecond histogram, so sub-millisecond differences survive; only 2xx answers count.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        // Every request is built when it is sent, so each can carry its own message id.
        requests: [{ setupRequest: (request) => Object.assign(request, options.next()) }],
      },
      (error: unknown, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        latencies.sort((a, b) => a - b);
        const failures = failed + result.errors;
        resolve({ requests: latencies.length + failures, ok: latencies.length, failed: failures, seconds: result.duration, perSecond: latencies.length / result.duration, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else failed += 1;
    });
  });
}
