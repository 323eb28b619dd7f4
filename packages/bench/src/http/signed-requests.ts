import type { Platform } from '@kefu/core';
import type { SimulatedDelivery, Simulator } from '@kefu/cli';
import type { LoadRequest } from './load.ts';

/** Where a WeCom message waits for the worker's sync_msg pull: the sandbox's inbox, in this process. */
export type Inbox = (key: string) => unknown[];

/** A pre-built request, and what must be queued in the sandbox just before it is sent (WeCom). */
export type Prepared = { request: LoadRequest; inbox?: SimulatedDelivery['inbox'] };

/** How many buyers the load spreads over: enough that conversations rarely wait on each other. */
export const BUYERS = 200;

export type SignedRequestsOptions = {
  platform: Platform;
  simulate: Simulator;
  credentials: Record<string, string>;
  /** Message texts, used in turn. */
  texts: readonly string[];
  count: number;
  /** Makes message ids and buyers unique to this batch. */
  runId: string;
  buyers?: number;
  /** The shop (WeCom: the open_kfid); a shop with its own rules key gets those rules. */
  shop?: string;
};

/**
 * `count` distinct, correctly signed webhooks for one platform: every one carries a new message
 * id, so each is real work (verify, parse, the conversation's transaction, decide, outbox) and
 * never a dedupe hit. Texts cycle; buyers cycle through `buyers`. Built before the run so signing
 * (WeCom's AES especially) is not timed.
 */
export async function signedRequests(o: SignedRequestsOptions): Promise<Prepared[]> {
  const shop = o.shop ?? (o.platform === 'wecom' ? 'wkBenchShop' : 'bench-shop');
  const buyers = o.buyers ?? BUYERS;
  const now = Date.now();
  const prepared: Prepared[] = [];
  for (let i = 0; i < o.count; i += 1) {
    const text = o.texts[i % o.texts.length] ?? '你好';
    const delivery = await o.simulate({ platform: o.platform, shop, buyer: `bench-${o.runId}-${i % buyers}`, text, from: 'buyer', messageId: `bench-${o.runId}-${i}` }, o.credentials, now);
    const query = delivery.query ? `?${new URLSearchParams(delivery.query)}` : '';
    prepared.push({ request: { method: 'POST', path: `${delivery.path}${query}`, headers: delivery.headers, body: delivery.body }, ...(delivery.inbox ? { inbox: delivery.inbox } : {}) });
  }
  return prepared;
}

/** What a load run hands out, and how many requests it had to repeat (0 unless the pool ran dry). */
export type RequestFeed = { next: () => LoadRequest; repeats: () => number };

/**
 * Hand out prepared requests in order; WeCom's message goes into the sandbox inbox the moment its
 * callback is built, as `cs simulate` does. (autocannon builds one request per connection ahead of
 * time that it never sends; for WeCom those few messages are still pulled and answered.) If the
 * run outlasts the pool, requests repeat (dedupe hits) and are counted so the report can say so.
 */
export function requestFeed(prepared: readonly Prepared[], inbox: Inbox): RequestFeed {
  let sent = 0;
  return {
    next: () => {
      const item = prepared[sent % prepared.length];
      sent += 1;
      if (!item) throw new Error('no prepared requests');
      if (item.inbox && sent <= prepared.length) inbox(item.inbox.key).push(...item.inbox.items);
      return item.request;
    },
    repeats: () => Math.max(0, sent - prepared.length),
  };
}
