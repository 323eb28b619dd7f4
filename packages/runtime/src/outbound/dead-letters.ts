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
