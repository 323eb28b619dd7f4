import type { Platform } from '@kefu/core';
import { workerClient, type EventTrace, type Stats } from '../clients/worker-client.ts';
import type { Log } from '../report/check-result.ts';
import { sleep } from '../support/index.ts';

/** Where every inbound event stands, once the workers have settled (or the time ran out). */
export type EventTally = { events: number; unlogged: string[]; withoutActions: string[]; pending: string[]; traces: Map<string, EventTrace>; ms: number };

const count = (table: Record<string, number>, key: string) => table[key] ?? 0;
const total = (table: Record<string, number>) => Object.values(table).reduce((a, b) => a + b, 0);

/** The workers' totals now, to measure a check's events against. */
export async function statsOf(platforms: Iterable<Platform>): Promise<Map<Platform, Stats>> {
  return new Map(await Promise.all([...platforms].map(async (p) => [p, await workerClient(p).stats()] as const)));
}

/**
 * Wait until the workers have logged this many more events than `before` and nothing is being
 * sent (`GET /__kefu/stats`, cheap), then verify every event by id (`POST /__kefu/events`, one
 * D1 round trip per id: slow, so done once, then only for the events not yet settled).
 */
export async function settleEvents(ids: ReadonlyMap<Platform, readonly string[]>, before: ReadonlyMap<Platform, Stats>, timeoutMs: number, log: Log): Promise<EventTally> {
  const start = Date.now();
  let lastLog = 0;
  for (;;) {
    const now = await statsOf(ids.keys());
    const quiet = [...ids].every(([p, list]) => {
      const s = now.get(p) as Stats;
      const logged = total(s.events) - total(before.get(p)?.events ?? {});
      return logged >= list.length && count(s.deliveries, 'sending') + count(s.deliveries, 'failed') === 0;
    });
    if (quiet || Date.now() - start > timeoutMs / 2) break;
    if (Date.now() - lastLog > 15_000) {
      const logged = [...ids].map(([p, list]) => `${p} ${total(now.get(p)?.events ?? {}) - total(before.get(p)?.events ?? {})}/${list.length}`).join(', ');
      log(`  … settling: events logged ${logged} (${Math.round((Date.now() - start) / 1000)} s)`);
      lastLog = Date.now();
    }
    await sleep(2_000);
  }
  const traces = new Map<string, EventTrace>();
  let open: [Platform, string[]][] = [...ids].map(([p, list]) => [p, [...list]]);
  for (;;) {
    // One worker per platform: query them side by side.
    const answers = await Promise.all(open.map(async ([p, list]) => workerClient(p).events(list)));
    for (const answer of answers) for (const [id, t] of Object.entries(answer)) traces.set(id, t);
    const settled = (id: string) => {
      const t = traces.get(id);
      return !!t && t.logged && t.actions > 0 && t.pending === 0;
    };
    open = open.map(([p, list]): [Platform, string[]] => [p, list.filter((id) => !settled(id))]).filter(([, list]) => list.length > 0);
    const ms = Date.now() - start;
    if (open.length === 0 || ms > timeoutMs) {
      const all = [...ids.values()].flat();
      return {
        events: all.length,
        unlogged: all.filter((id) => !traces.get(id)?.logged),
        withoutActions: all.filter((id) => (traces.get(id)?.actions ?? 0) === 0),
        pending: all.filter((id) => (traces.get(id)?.pending ?? 1) > 0),
        traces,
        ms,
      };
    }
    log(`  … ${open.reduce((n, [, l]) => n + l.length, 0)} events not settled yet (${Math.round(ms / 1000)} s)`);
    await sleep(3_000);
  }
}
