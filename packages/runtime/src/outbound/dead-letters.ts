import type { Platform } from '@kefu/core';
import type { RuntimeEnv } from '../env.ts';
import type { OutboundJob } from './job.ts';

/** Record a job that will not be delivered, so the console shows it and it can be retried by hand. */
export async function recordDeadLetter(db: D1Database, job: OutboundJob, reason: string, now: number): Promise<void> {
  const conversation = job.kind === 'send' ? job.reply : job.kind === 'notify' ? job.notice.conversation : job.event.conversation;
  await db.batch([
    db
      .prepare('INSERT INTO dead_letters (id, kind, platform, shop_id, job, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, at = excluded.at')
      .bind(job.id, job.kind, conversation.platform, conversation.shopId, JSON.stringify(job), reason, now),
    db
      .prepare(`INSERT INTO deliveries (id, kind, status, attempts, last_error, updated_at) VALUES (?, ?, 'dead', 0, ?, ?) ON CONFLICT (id) DO UPDATE SET status = 'dead', last_error = excluded.last_error, updated_at = excluded.updated_at`)
      .bind(job.id, job.kind, reason, now),
  ]);
}

/** A `dead_letters` row as far as retrying goes. */
export type DeadLetterRow = { id: string; kind: string; job: string };

/**
 * What a dead letter's `job` column holds. The outbox queue stores the job itself (send it again);
 * a team-channel outbox (ChannelOutboxObject) stores its rendered notice: the queue's part ended
 * when the outbox accepted it, so there is no queue job behind it to send again.
 */
export type StoredJob =
  | { kind: 'job'; job: OutboundJob }
  | { kind: 'channel_notice'; channel: string; title?: string; buyer?: string }
  | { kind: 'unreadable' };

/** Where each queue job kind keeps its payload: a stored job must have it to be sent again. */
const PAYLOAD = { send: 'reply', notify: 'notice', log: 'event' } as const;

export function storedJob(row: DeadLetterRow): StoredJob {
  let value: unknown;
  try {
    value = JSON.parse(row.job);
  } catch {
    return { kind: 'unreadable' };
  }
  if (!isRecord(value)) return { kind: 'unreadable' };
  const payload = PAYLOAD[row.kind as keyof typeof PAYLOAD] as string | undefined;
  if (payload && value.kind === row.kind && value.id === row.id && isRecord(value[payload])) return { kind: 'job', job: value as OutboundJob };
  if (typeof value.channel === 'string' && isRecord(value.escalation)) {
    const { title, buyer } = value.escalation;
    return { kind: 'channel_notice', channel: value.channel, ...(typeof title === 'string' ? { title } : {}), ...(typeof buyer === 'string' ? { buyer } : {}) };
  }
  return { kind: 'unreadable' };
}

/** Why a stored job cannot go back on the queue (undefined: it can). */
export function notRetryableBecause(stored: StoredJob): string | undefined {
  if (stored.kind === 'job') return undefined;
  if (stored.kind === 'unreadable') return 'the stored job is not an outbox queue job this worker can send';
  return `a notice the "${stored.channel}" team-channel outbox gave up on after the queue had handed it over: there is no queue job to send again (and its claim link expires). Later updates of the escalation are sent as usual`;
}

/** What a hand retry did. */
export type Requeue =
  | { kind: 'requeued'; retryCount: number }
  | { kind: 'unknown' }
  | { kind: 'not_retryable'; reason: string }
  /** Delivered since it was dead-lettered (by an earlier retry): sending it again would be a duplicate. */
  | { kind: 'delivered' }
  /** An earlier retry put it back on the queue and it is not settled yet. */
  | { kind: 'pending'; status: string };

/** The deliveries row's `last_error` while a hand retry is on its way to the queue. */
const REQUEUED = 'requeued by hand';

/**
 * Send a dead letter again through the outbox queue, so the normal consumer delivers it (claim,
 * retries, the dead-letter queue again on failure). The consumer only claims a delivery that is
 * `failed` (or a stale `sending`), so the dead delivery row is flipped `dead` → `failed` first, in
 * one conditional statement: of two racing retries one wins, and a row that is `sent` (or already
 * requeued) is left alone. Then the job is enqueued; if that fails the row goes back to `dead`.
 */
export async function requeueDeadLetter(env: RuntimeEnv, id: string, platform: Platform, now: number): Promise<Requeue> {
  const row = await env.DB.prepare('SELECT id, kind, job FROM dead_letters WHERE id = ? AND (platform = ? OR platform IS NULL)').bind(id, platform).first<DeadLetterRow>();
  if (!row) return { kind: 'unknown' };
  const stored = storedJob(row);
  if (stored.kind !== 'job') return { kind: 'not_retryable', reason: notRetryableBecause(stored) ?? '' };

  const reset = await env.DB.prepare(
    `INSERT INTO deliveries (id, kind, status, attempts, last_error, updated_at) VALUES (?1, ?2, 'failed', 0, ?3, ?4)
     ON CONFLICT (id) DO UPDATE SET status = 'failed', last_error = excluded.last_error, updated_at = excluded.updated_at
     WHERE deliveries.status = 'dead'
     RETURNING id`,
  )
    .bind(id, row.kind, REQUEUED, now)
    .first<{ id: string }>();
  if (!reset) {
    const status = (await env.DB.prepare('SELECT status FROM deliveries WHERE id = ?').bind(id).first<{ status: string }>())?.status ?? 'unknown';
    return status === 'sent' ? { kind: 'delivered' } : { kind: 'pending', status };
  }

  // A log job is not claimed by the consumer; the mark tells it to settle this delivery row once written.
  const job: OutboundJob = stored.job.kind === 'log' ? { ...stored.job, requeued: true } : stored.job;
  try {
    await env.OUTBOX.send(job);
  } catch (error) {
    await env.DB.prepare(`UPDATE deliveries SET status = 'dead', last_error = ? WHERE id = ? AND status = 'failed' AND last_error = ? AND updated_at = ?`)
      .bind(`requeue failed: ${error instanceof Error ? error.message : String(error)}`, id, REQUEUED, now)
      .run();
    throw error;
  }
  const marked = await env.DB.prepare('UPDATE dead_letters SET retried_at = ?, retry_count = retry_count + 1 WHERE id = ? RETURNING retry_count').bind(now, id).first<{ retry_count: number }>();
  return { kind: 'requeued', retryCount: marked?.retry_count ?? 1 };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
