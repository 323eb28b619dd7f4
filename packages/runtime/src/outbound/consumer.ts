import type { PlatformAdapter, SendResult } from '../adapter/adapter.ts';
import type { RuntimeEnv } from '../env.ts';
import type { MetricsRound } from '@kefu/core';
import { writeLog } from '../log/d1-log.ts';
import { refreshSlaDaily } from '../log/sla-log.ts';
import { loadRules } from '../rules/kv-rules.ts';
import { backoffSeconds } from './backoff.ts';
import { recordDeadLetter } from './dead-letters.ts';
import { claimDelivery, settleDelivery } from './deliveries.ts';
import type { OutboundJob } from './job.ts';
import { submitNotice } from '../notify/submit.ts';

/**
 * Consume the outbox queue: log rows go to D1 in one batch; sends and notices are claimed by id
 * (so a redelivered message is not sent twice), performed, and on a temporary failure retried
 * with exponential backoff. After the queue's last retry a message lands in the dead-letter queue
 * (`consumeDeadLetters`); a permanent refusal is dead-lettered at once. Nothing is dropped.
 */
export async function consumeOutbox<E extends RuntimeEnv>(batch: MessageBatch<OutboundJob>, env: E, adapter: PlatformAdapter<E>): Promise<void> {
  const base = Number(env.RETRY_BASE_SECONDS ?? 5);
  const logs = batch.messages.filter((m): m is Message<Extract<OutboundJob, { kind: 'log' }>> => m.body.kind === 'log');
  if (logs.length > 0) {
    try {
      await writeLog(env.DB, logs.map((m) => m.body));
      await refreshShops(env, logs.flatMap((m) => m.body.rounds ?? []));
      for (const m of logs) if (m.body.requeued) await settleDelivery(env.DB, m.body.id, 'sent', null, Date.now());
      for (const m of logs) m.ack();
    } catch (error) {
      console.error('log: D1 write failed, retrying', error);
      for (const m of logs) m.retry({ delaySeconds: backoffSeconds(m.attempts, base) });
    }
  }
  for (const message of batch.messages) {
    const job = message.body;
    if (job.kind === 'log') continue;
    const now = Date.now();
    const claim = await claimDelivery(env.DB, job.id, job.kind, now);
    if (claim.kind === 'done') {
      message.ack();
      continue;
    }
    if (claim.kind === 'busy') {
      message.retry({ delaySeconds: backoffSeconds(message.attempts, base) });
      continue;
    }
    const result = await perform(job, env, adapter, now);
    if (result.kind === 'sent') {
      await settleDelivery(env.DB, job.id, 'sent', null, Date.now());
      message.ack();
    } else if (result.kind === 'refused') {
      console.error(`${job.kind} ${job.id} refused: ${result.reason}`);
      await recordDeadLetter(env.DB, job, `refused: ${result.reason}`, Date.now());
      message.ack();
    } else {
      console.warn(`${job.kind} ${job.id} attempt ${message.attempts} failed: ${result.reason}`);
      await settleDelivery(env.DB, job.id, 'failed', result.reason, Date.now());
      message.retry({ delaySeconds: backoffSeconds(message.attempts, base) });
    }
  }
}

/** Recompute the daily SLA figures of the shops whose rounds just changed. */
async function refreshShops(env: RuntimeEnv, rounds: MetricsRound[]): Promise<void> {
  const shops = new Map(rounds.map((r) => [`${r.platform}\u0000${r.shopId}`, r]));
  for (const r of shops.values()) {
    const rules = await loadRules(env.RULES, r.platform, r.shopId);
    if (rules.kind === 'unavailable') continue;
    const now = Date.now();
    await refreshSlaDaily(env.DB, r.platform, r.shopId, rules.engine.rules.sla, rules.engine.rules.shop.timezone, now - 2 * 86_400_000, now);
  }
}

/** Record what the dead-letter queue received: every retry spent. */
export async function consumeDeadLetters(batch: MessageBatch<OutboundJob>, env: RuntimeEnv): Promise<void> {
  for (const message of batch.messages) {
    const last = await env.DB.prepare('SELECT last_error FROM deliveries WHERE id = ?').bind(message.body.id).first<{ last_error: string | null }>();
    await recordDeadLetter(env.DB, message.body, `retries exhausted: ${last?.last_error ?? 'unknown error'}`, Date.now());
    console.error(`dead letter: ${message.body.kind} ${message.body.id}`);
    message.ack();
  }
}

async function perform<E extends RuntimeEnv>(job: Exclude<OutboundJob, { kind: 'log' }>, env: E, adapter: PlatformAdapter<E>, now: number): Promise<SendResult> {
  try {
    if (job.kind === 'send') return await adapter.send(job.reply, env);
    // Handed to the channel outboxes, which own rate limits, digests, retries and dead letters from here.
    await submitNotice(env, job.notice, now);
    return { kind: 'sent' };
  } catch (error) {
    return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
  }
}
