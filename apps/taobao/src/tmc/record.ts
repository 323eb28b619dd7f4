import type { TmcMessage } from './message.ts';

/** A message confirmed without being acted on, and why. */
export type Unacted = { message: TmcMessage; code: string; reason: string };

/**
 * Keep a row per message confirmed without being acted on (unknown topic, unreadable content) in
 * the D1 action log, so the console shows it: the topic, ids, time and content size, never the
 * content (it carries buyer data). Idempotent by message id, like every log row.
 */
export async function recordUnacted(db: D1Database, items: readonly Unacted[], now: number): Promise<void> {
  if (items.length === 0) return;
  await db.batch(
    items.map(({ message, code, reason }) => {
      const detail = JSON.stringify({ topic: message.topic, pub_time: message.pubTime ?? null, user_id: message.userId ?? null, content_chars: message.content.length });
      const shop = message.userNick ?? message.userId ?? '-';
      return db
        .prepare("INSERT OR IGNORE INTO action_log (action_id, event_id, platform, shop_id, buyer_id, kind, reason_code, reason, detail, at) VALUES (?, ?, 'taobao', ?, '-', 'log', ?, ?, ?, ?)")
        .bind(`${message.id}#tmc`, message.id, shop, code, reason, detail, now);
    }),
  );
  for (const { message, code, reason } of items) console.warn(`taobao tmc: confirmed without acting: message ${message.id} (${code}): ${reason}`);
}
