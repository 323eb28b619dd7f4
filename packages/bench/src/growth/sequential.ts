import type { LoadRequest } from '../http/load.ts';

/**
 * Send requests one after another and time each to its full answer (ms). A non-2xx answer stops
 * the run: a latency figure over rejected requests would measure the wrong thing.
 */
export async function timeSequential(url: string, requests: readonly LoadRequest[]): Promise<number[]> {
  const times: number[] = [];
  for (const r of requests) {
    const t0 = process.hrtime.bigint();
    const response = await fetch(`${url}${r.path}`, { method: r.method, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }) });
    const text = await response.text();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!response.ok) throw new Error(`${r.method} ${url}${r.path.split('?')[0]} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return times;
}

/** Send requests `concurrency` at a time, failing on any non-2xx answer; for building up state, not timing. */
export async function sendAll(url: string, requests: readonly LoadRequest[], concurrency: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const r = requests[next];
      next += 1;
      if (r) await timeSequential(url, [r]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}
