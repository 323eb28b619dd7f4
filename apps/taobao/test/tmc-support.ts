// Test helpers for driving the worker's real cron handler against the sandbox's TMC.
import { sandboxClient, type TestEnv } from '@kefu/runtime/contract';
import type { Recorded } from '@kefu/sandbox';
import { topTimestamp } from '@kefu/wire';
import { createExecutionContext, createScheduledController, env as rawEnv, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../src/index.ts';

export const env = rawEnv as unknown as TestEnv & Env;
export const sandbox = sandboxClient(env.SANDBOX_URL);

/** Run the worker's `scheduled` handler once, as the every-minute cron trigger would. */
export async function runCron(): Promise<void> {
  if (!worker.scheduled) throw new Error('the worker has no scheduled handler');
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

let n = 0;
/** A fresh 64-bit id above 2^53, as TMC message ids and trade ids are. */
export const longId = () => String(BigInt(Date.now()) * 10_000n + BigInt((n += 1)));
export const unique = (what: string) => `${what}-${Date.now().toString(36)}-${(n += 1)}`;

/** TOP's pub_time for an instant: `yyyy-MM-dd HH:mm:ss`, GMT+8. */
export const pubTime = topTimestamp;

type Trade = { tid: string; seller: string; buyer: string; status?: string };
/** A trade topic's content as TMC sends it: a JSON string whose 64-bit ids are bare numbers. */
export const tradeContent = (t: Trade) =>
  `{"buyer_nick":"nick-${t.buyer}","buyer_open_uid":"${t.buyer}","oid":${t.tid},"payment":"99.00","seller_nick":"${t.seller}","status":"${t.status ?? 'WAIT_BUYER_PAY'}","tid":${t.tid},"type":"fixed"}`;
export const refundContent = (t: Trade & { refundId: string }) =>
  `{"bill_type":"refund_bill","buyer_nick":"nick-${t.buyer}","buyer_open_uid":"${t.buyer}","modified":"2026-11-23 10:00:00","oid":${t.tid},"refund_fee":"99.00","refund_id":${t.refundId},"refund_phase":"onsale","seller_nick":"${t.seller}","tid":${t.tid}}`;

export type Queued = { id: string; topic: string; content: string; user_nick?: string; pub_time?: string };
export const queueTmc = (items: Queued[]) => sandbox.inbox('taobao:tmc', items);

/** The highest request sequence number so far: `since(mark)` then lists only what came after. */
export const mark = async () => (await sandbox.requests()).reduce((max, r) => Math.max(max, r.seq), 0);
export const since = async (seq: number, channel: string): Promise<Recorded[]> => (await sandbox.requests(channel)).filter((r) => r.seq > seq);

/** The ids a recorded confirm call listed. */
export const confirmedIds = (r: Recorded) => String((r.parsed as { s_message_ids?: string }).s_message_ids ?? '').split(',').filter(Boolean);
