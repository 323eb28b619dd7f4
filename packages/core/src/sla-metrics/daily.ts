import { isoDate, toLocal } from '../hours/zoned-time.ts';
import type { SlaPolicy, SlaRules } from '../rules/sla.ts';
import type { Platform } from '../types/platform.ts';
import { measuredAt, pastHorizon } from './policy.ts';
import type { MetricsRound } from './round.ts';

/** One shop's human-reply score for one platform and day, as the platform would compute it. */
export type DailySlaMetrics = {
  platform: Platform;
  shopId: string;
  /** YYYY-MM-DD in the shop's time zone: the day the rounds started. */
  day: string;
  /** Scored rounds: the denominator of the rate. */
  rounds: number;
  /** Scored rounds answered by a person within `replyWithinSeconds`. */
  withinSla: number;
  /** withinSla / rounds; null when nothing was scored. */
  withinSlaRate: number | null;
  /** Mean response (capped) over scored rounds that have one; null when none has. */
  avgFirstResponseSeconds: number | null;
  /** Scored rounds no person answered before the round settled (counted as misses). */
  unanswered: number;
  /** Settled rounds only the bot answered (`excludeAutomaticRounds`). */
  excludedAutomatic: number;
  /** Rounds that started outside the platform's service hours. */
  excludedOutsideHours: number;
  /** Rounds still waiting for a person, too young to score. */
  open: number;
};

/** How one round counts. Every round is exactly one of these. */
export type RoundScore =
  /** Started outside the measured hours. */
  | { kind: 'outside_hours' }
  /** No person yet, and it may still get one (or turn out fully automatic). */
  | { kind: 'open' }
  /** Settled with only the bot's answer, and the platform leaves such rounds out. */
  | { kind: 'automatic' }
  /** In the rate. `responseSeconds` is capped; absent for an unanswered round without a cap. */
  | { kind: 'scored'; withinSla: boolean; responseSeconds?: number; unanswered: boolean };

/** How the platform counts one round, as of `now`. */
export function scoreRound(round: MetricsRound, policy: SlaPolicy, timeZone: string, now: number): RoundScore {
  if (!measuredAt(policy, round.startedAt, timeZone)) return { kind: 'outside_hours' };
  const cap = policy.capSeconds;
  if (round.humanRepliedAt !== undefined) {
    // Published: response runs from the round's start to the first human reply, capped (Taobao).
    // Clamped at 0 in case the platform's clocks put the reply before the message.
    const seconds = Math.max(0, round.humanRepliedAt - round.startedAt) / 1000;
    const responseSeconds = cap === undefined ? seconds : Math.min(seconds, cap);
    return { kind: 'scored', withinSla: responseSeconds <= policy.replyWithinSeconds, responseSeconds, unanswered: false };
  }
  // Our reading: with no human reply, a round is settled once the conversation closed or its cap
  // (a day without one) has passed; until then a person may still answer, so it is not scored.
  if (round.closedAt === undefined && !pastHorizon(policy, round.startedAt, now)) return { kind: 'open' };
  if (round.botRepliedAt !== undefined && policy.excludeAutomaticRounds) return { kind: 'automatic' };
  // Taobao-style: an unanswered round counts as the cap. Our reading for uncapped platforms: a
  // miss with no response time, so it stays out of the average.
  return { kind: 'scored', withinSla: false, unanswered: true, ...(cap !== undefined && { responseSeconds: cap }) };
}

type Tally = DailySlaMetrics & { responseTotal: number; responses: number };

/**
 * Per shop and day, from stored rounds, as of `now` (open rounds past the cap count as
 * unanswered; younger open rounds are reported as `open`, not scored). Sorted by day, platform,
 * shop; a day with no rounds has no entry.
 *
 * @example
 * slaDailyMetrics(rows, rules.sla, rules.shop.timezone, now)
 * // → [{ platform: 'taobao', day: '2026-11-18', rounds: 7, withinSla: 4, withinSlaRate: 0.571…, … }]
 */
export function slaDailyMetrics(rounds: MetricsRound[], policies: SlaRules, timeZone: string, now: number): DailySlaMetrics[] {
  const tallies = new Map<string, Tally>();
  for (const round of rounds) {
    const local = toLocal(round.startedAt, timeZone);
    const day = isoDate(local.year, local.month, local.day);
    const key = JSON.stringify([day, round.platform, round.shopId]);
    let t = tallies.get(key);
    if (!t) {
      t = { platform: round.platform, shopId: round.shopId, day, rounds: 0, withinSla: 0, withinSlaRate: null, avgFirstResponseSeconds: null, unanswered: 0, excludedAutomatic: 0, excludedOutsideHours: 0, open: 0, responseTotal: 0, responses: 0 };
      tallies.set(key, t);
    }
    const score = scoreRound(round, policies[round.platform], timeZone, now);
    if (score.kind === 'outside_hours') t.excludedOutsideHours += 1;
    else if (score.kind === 'open') t.open += 1;
    else if (score.kind === 'automatic') t.excludedAutomatic += 1;
    else {
      t.rounds += 1;
      if (score.withinSla) t.withinSla += 1;
      if (score.unanswered) t.unanswered += 1;
      if (score.responseSeconds !== undefined) {
        t.responseTotal += score.responseSeconds;
        t.responses += 1;
      }
    }
  }
  return [...tallies.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { responseTotal, responses, ...t }]) => ({
      ...t,
      withinSlaRate: t.rounds > 0 ? t.withinSla / t.rounds : null,
      avgFirstResponseSeconds: responses > 0 ? responseTotal / responses : null,
    }));
}
