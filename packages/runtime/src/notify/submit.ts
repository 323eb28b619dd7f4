import { notifySchema } from '@kefu/core';
import type { RuntimeEnv } from '../env.ts';
import type { TeamNotice } from '../outbound/job.ts';
import { loadRules } from '../rules/kv-rules.ts';
import { toEscalation } from './escalation.ts';
import { routesFor } from './routing.ts';

/**
 * Route one team notice to its channels' outboxes (durably accepted there, rate-limited and
 * retried by them) and record the escalation in D1. Routing comes from the shop's rules; without
 * usable rules the default route (everything to `team`) still gets a person there.
 */
export async function submitNotice(env: RuntimeEnv, notice: TeamNotice, now: number): Promise<void> {
  const { platform, shopId } = notice.conversation;
  const rules = await loadRules(env.RULES, platform, shopId);
  const settings = rules.kind === 'unavailable' ? undefined : rules.engine.rules;
  const notify = settings?.notify ?? notifySchema.parse({});
  const timeZone = settings?.shop.timezone ?? 'Asia/Shanghai';
  const routes = routesFor(notice.severity, notify);
  await Promise.all(
    [...routes].map(([channel, mention]) => {
      const escalation = toEscalation(notice, env, settings?.shop.name ?? shopId, mention, notify.claimLinkMinutes, now);
      return env.CHANNEL_OUTBOX.get(env.CHANNEL_OUTBOX.idFromName(channel)).submit(channel, escalation, timeZone);
    }),
  );
  await recordEscalation(env.DB, notice, now);
}

/** One row per escalation: opened by update 0, bumped by later updates (never reopened once claimed). */
async function recordEscalation(db: D1Database, notice: TeamNotice, now: number): Promise<void> {
  const { platform, shopId, buyerId } = notice.conversation;
  await db
    .prepare(
      `INSERT INTO escalations (id, platform, shop_id, buyer_id, severity, title, updates, deadline, status, opened_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', ?9, ?9)
       ON CONFLICT (id) DO UPDATE SET severity = excluded.severity, title = excluded.title, deadline = excluded.deadline,
         updates = MAX(escalations.updates, excluded.updates), updated_at = excluded.updated_at`,
    )
    .bind(notice.escalationId, platform, shopId, buyerId, notice.severity, notice.title, notice.update, notice.deadline ?? null, now)
    .run();
}
