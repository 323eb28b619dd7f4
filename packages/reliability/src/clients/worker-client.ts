import type { Action, Platform } from '@kefu/core';
import { LOCAL_INSPECT_TOKEN, stackUrl } from '@kefu/cli';

/** Per inbound event, as `POST /__kefu/events` reports it (packages/runtime inspect-stats.ts). */
export type EventTrace = { logged: boolean; actions: number; delivered: number; dead: number; pending: number };

/** A delivery row of `GET /__kefu/conversation`. */
export type Delivery = { id: string; status: string; attempts: number; last_error: string | null };

/** One conversation as the worker's inspection route shows it. */
export type Conversation = { platform: Platform; shop: string; buyer: string; actions: Action[]; deliveries: Delivery[]; pendingJobs: number };

/** `GET /__kefu/stats`: totals by kind. */
export type Stats = { events: Record<string, number>; actions: Record<string, number>; deliveries: Record<string, number>; deadLetters: Record<string, number> };

const auth = { authorization: `Bearer ${LOCAL_INSPECT_TOKEN}` };
/** The events route takes at most this many ids per call. */
const EVENTS_PER_CALL = 500;

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

/** The token-guarded accounting and inspection routes of one platform's worker. */
export function workerClient(platform: Platform) {
  const base = stackUrl(platform);
  return {
    platform,
    base,
    /** Per event id: logged? actions, delivered / dead / pending sends (batched by 500). */
    async events(ids: readonly string[]): Promise<Record<string, EventTrace>> {
      const out: Record<string, EventTrace> = {};
      for (let i = 0; i < ids.length; i += EVENTS_PER_CALL) {
        const response = await fetch(`${base}/__kefu/events`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ ids: ids.slice(i, i + EVENTS_PER_CALL) }) });
        Object.assign(out, await json<Record<string, EventTrace>>(response, `${platform} /__kefu/events`));
      }
      return out;
    },
    stats: async (): Promise<Stats> => json<Stats>(await fetch(`${base}/__kefu/stats`, { headers: auth }), `${platform} /__kefu/stats`),
    conversation: async (shop: string, buyer: string): Promise<Conversation> =>
      json<Conversation>(await fetch(`${base}/__kefu/conversation?${new URLSearchParams({ shop, buyer })}`, { headers: auth }), `${platform} /__kefu/conversation`),
    healthy: async (): Promise<boolean> => fetch(`${base}/health`).then((r) => r.ok, () => false),
  };
}

export type WorkerClient = ReturnType<typeof workerClient>;
