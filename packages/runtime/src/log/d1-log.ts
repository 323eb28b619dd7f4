import type { OutboundJob } from '../outbound/job.ts';
import { roundStatements } from './sla-log.ts';

type LogJob = Extract<OutboundJob, { kind: 'log' }>;

/** Write conversation and action log rows; idempotent (a redelivered job rewrites nothing). */
export async function writeLog(db: D1Database, jobs: LogJob[]): Promise<void> {
  const statements = jobs.flatMap((job) => {
    const { event } = job;
    const c = event.conversation;
    return [
      db
        .prepare('INSERT OR IGNORE INTO conversation_log (event_id, platform, shop_id, buyer_id, kind, text, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .bind(event.eventId, c.platform, c.shopId, c.buyerId, event.kind, event.text, event.at),
      ...job.actions.map((a) =>
        db
          .prepare('INSERT OR IGNORE INTO action_log (action_id, event_id, platform, shop_id, buyer_id, kind, reason_code, reason, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .bind(a.actionId, a.eventId, c.platform, c.shopId, c.buyerId, a.kind, a.reason.code, a.reason.detail, a.detail, a.at),
      ),
      ...roundStatements(db, job.rounds ?? []),
      ...(job.closedEscalation ? [db.prepare(`UPDATE escalations SET status = 'closed', updated_at = ? WHERE id = ?`).bind(event.at, job.closedEscalation)] : []),
    ];
  });
  if (statements.length > 0) await db.batch(statements);
}
