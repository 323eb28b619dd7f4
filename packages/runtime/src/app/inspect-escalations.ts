import { maskPii, type Platform } from '@kefu/core';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { RuntimeEnv } from '../env.ts';
import { notRetryableBecause, requeueDeadLetter, storedJob, type StoredJob } from '../outbound/dead-letters.ts';
import { HttpError } from './http-error.ts';
import { authorize } from './inspect.ts';

/** An empty query field (a console form left blank) means the field is absent. */
const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);
const limit = z.preprocess(blankIsAbsent, z.coerce.number().int().min(1).max(200).default(50));
/** Strict: a misspelt field is a 400 naming it, not a silently unfiltered list. */
const escalationsQuery = z.strictObject({
  status: z.preprocess(blankIsAbsent, z.enum(['open', 'claimed', 'closed']).optional()),
  shop: z.preprocess(blankIsAbsent, z.string().max(128).optional()),
  limit,
});
const deadLettersQuery = z.strictObject({ limit });

/** Longest preview of a dead letter's content in the list. */
const PREVIEW_CHARS = 120;

type EscalationRow = { id: string; shop_id: string; buyer_id: string; severity: string; title: string; updates: number; deadline: number | null; status: string; claimed_by: string | null; opened_at: number; updated_at: number };
type DeadLetterRow = { id: string; kind: string; platform: string | null; shop_id: string | null; job: string; reason: string; at: number; retried_at: number | null; retry_count: number; delivery: string | null; attempts: number | null };

/**
 * Token-guarded views of what needs a person, for the console and `cs`:
 *   GET  /__kefu/escalations?status=&shop=&limit=50   D1 `escalations`, newest first
 *   GET  /__kefu/dead-letters?limit=50                D1 `dead_letters`, newest first, text masked
 *   POST /__kefu/dead-letters/:id/retry               the stored job back on the outbox queue
 */
export function mountEscalationAdmin<E extends RuntimeEnv & object>(app: Hono<{ Bindings: E }>, platform: Platform): void {
  app.get('/__kefu/escalations', async (c) => {
    const env = c.env as E;
    authorize(env, c.req.header('authorization'));
    const q = parseQuery(escalationsQuery, c.req.query());
    const where = ['platform = ?', ...(q.status ? ['status = ?'] : []), ...(q.shop ? ['shop_id = ?'] : [])];
    const args = [platform, ...(q.status ? [q.status] : []), ...(q.shop ? [q.shop] : [])];
    const rows = (await env.DB.prepare(`SELECT * FROM escalations WHERE ${where.join(' AND ')} ORDER BY opened_at DESC, id DESC LIMIT ?`).bind(...args, q.limit).all<EscalationRow>()).results;
    // Titles are the bot's own one-liners and claimed_by a team member's name: no buyer text here.
    const escalations = rows.map((r) => ({
      id: r.id, shop: r.shop_id, buyer: r.buyer_id, severity: r.severity, title: r.title, updates: r.updates, deadline: r.deadline,
      status: r.status, claimedBy: r.claimed_by, openedAt: r.opened_at, updatedAt: r.updated_at,
    }));
    return c.json({ platform, escalations });
  });

  app.get('/__kefu/dead-letters', async (c) => {
    const env = c.env as E;
    authorize(env, c.req.header('authorization'));
    const q = parseQuery(deadLettersQuery, c.req.query());
    const rows = (
      await env.DB.prepare(
        `SELECT d.id, d.kind, d.platform, d.shop_id, d.job, d.reason, d.at, d.retried_at, d.retry_count, v.status AS delivery, v.attempts
         FROM dead_letters d LEFT JOIN deliveries v ON v.id = d.id
         WHERE d.platform = ? OR d.platform IS NULL ORDER BY d.at DESC, d.id DESC LIMIT ?`,
      )
        .bind(platform, q.limit)
        .all<DeadLetterRow>()
    ).results;
    return c.json({ platform, deadLetters: rows.map(deadLetterView) });
  });

  app.post('/__kefu/dead-letters/:id/retry', async (c) => {
    const env = c.env as E;
    authorize(env, c.req.header('authorization'));
    const id = c.req.param('id');
    const result = await requeueDeadLetter(env, id, platform, Date.now());
    if (result.kind === 'unknown') throw new HttpError(404, 'not_found', `no dead letter ${id}`);
    if (result.kind === 'not_retryable') throw new HttpError(422, 'not_retryable', result.reason);
    if (result.kind === 'delivered') throw new HttpError(409, 'already_delivered', `${id} was delivered after it was dead-lettered; not sending it again`);
    if (result.kind === 'pending') throw new HttpError(409, 'already_requeued', `${id} is already back on the queue (delivery ${result.status}); wait for it to settle`);
    return c.json({ id, requeued: true, retryCount: result.retryCount });
  });
}

/**
 * One dead letter as the console shows it. The stored job keeps the reply exactly as it is to be
 * sent (bot text may quote what a buyer wrote), and an adapter's error may echo a request, so
 * the preview and the reason are masked here; the job itself is never returned.
 */
function deadLetterView(r: DeadLetterRow) {
  const stored = storedJob(r);
  const because = notRetryableBecause(stored);
  const preview = previewOf(stored);
  const buyer = stored.kind === 'job' ? buyerOf(stored.job) : stored.kind === 'channel_notice' ? stored.buyer : undefined;
  return {
    id: r.id,
    kind: r.kind,
    shop: r.shop_id,
    ...(buyer ? { buyer } : {}),
    reason: maskPii(r.reason),
    at: r.at,
    /** Send attempts the consumer made (claims); null for a team-channel outbox's notice. */
    attempts: r.attempts,
    /** dead: not delivered; requeued: a retry is on its way; delivered: a retry got it through. */
    state: r.delivery === 'sent' ? 'delivered' : r.delivery === 'failed' || r.delivery === 'sending' ? 'requeued' : 'dead',
    retryable: because === undefined,
    ...(because ? { notRetryable: because } : {}),
    retriedAt: r.retried_at,
    retryCount: r.retry_count,
    ...(preview ? { preview: maskPii(preview).slice(0, PREVIEW_CHARS) } : {}),
  };
}

function previewOf(stored: StoredJob): string | undefined {
  if (stored.kind === 'channel_notice') return stored.title;
  if (stored.kind !== 'job') return undefined;
  const { job } = stored;
  return job.kind === 'send' ? job.reply.text : job.kind === 'notify' ? job.notice.title : `log of ${job.event.kind} ${job.event.eventId}`;
}

function buyerOf(job: Extract<StoredJob, { kind: 'job' }>['job']): string {
  return job.kind === 'send' ? job.reply.buyerId : job.kind === 'notify' ? job.notice.conversation.buyerId : job.event.conversation.buyerId;
}

/** Validate a query string, or a 400 that names every bad field. */
function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string>): z.output<T> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.')}: ${i.message}`);
  throw new HttpError(400, 'bad_request', problems.join('; '));
}
