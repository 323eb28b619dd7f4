import { slaDailyMetrics, type MetricsRound, type Platform, type SlaRules } from '@kefu/core';

/** Upsert metric rounds (a round only gains facts: first bot reply, first human reply, close). */
export function roundStatements(db: D1Database, rounds: MetricsRound[]): D1PreparedStatement[] {
  return rounds.map((r) =>
    db
      .prepare(
        `INSERT INTO sla_rounds (id, platform, shop_id, buyer_id, started_at, bot_replied_at, human_replied_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET bot_replied_at = COALESCE(sla_rounds.bot_replied_at, excluded.bot_replied_at),
           human_replied_at = COALESCE(sla_rounds.human_replied_at, excluded.human_replied_at), closed_at = COALESCE(sla_rounds.closed_at, excluded.closed_at)`,
      )
      .bind(r.id, r.platform, r.shopId, r.buyerId, r.startedAt, r.botRepliedAt ?? null, r.humanRepliedAt ?? null, r.closedAt ?? null),
  );
}

type RoundRow = { id: string; platform: Platform; shop_id: string; buyer_id: string; started_at: number; bot_replied_at: number | null; human_replied_at: number | null; closed_at: number | null };

/**
 * Recompute one shop's daily human-SLA figures from its stored rounds, the way the platform counts
 * them (packages/core slaDailyMetrics), and store them in `sla_daily`. Runs when rounds change and
 * when someone reads the figures (open rounds turn into misses as time passes).
 */
export async function refreshSlaDaily(db: D1Database, platform: Platform, shopId: string, sla: SlaRules, timeZone: string, from: number, now: number) {
  const rows = (await db.prepare('SELECT * FROM sla_rounds WHERE platform = ? AND shop_id = ? AND started_at >= ? ORDER BY started_at').bind(platform, shopId, from).all<RoundRow>()).results;
  const rounds: MetricsRound[] = rows.map((r) => ({
    id: r.id, platform: r.platform, shopId: r.shop_id, buyerId: r.buyer_id, startedAt: r.started_at,
    ...(r.bot_replied_at === null ? {} : { botRepliedAt: r.bot_replied_at }),
    ...(r.human_replied_at === null ? {} : { humanRepliedAt: r.human_replied_at }),
    ...(r.closed_at === null ? {} : { closedAt: r.closed_at }),
  }));
  const days = slaDailyMetrics(rounds, sla, timeZone, now);
  if (days.length > 0) {
    await db.batch(
      days.map((d) =>
        db
          .prepare(
            `INSERT OR REPLACE INTO sla_daily (platform, shop_id, day, rounds, within_sla, within_sla_rate, avg_first_response_seconds, unanswered, excluded_automatic, excluded_outside_hours, open, computed_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .bind(d.platform, d.shopId, d.day, d.rounds, d.withinSla, d.withinSlaRate, d.avgFirstResponseSeconds, d.unanswered, d.excludedAutomatic, d.excludedOutsideHours, d.open, now),
      ),
    );
  }
  return days;
}
