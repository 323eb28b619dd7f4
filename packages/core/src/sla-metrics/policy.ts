import { clockMinutes, toLocal } from '../hours/zoned-time.ts';
import type { SlaPolicy } from '../rules/sla.ts';

/*
 * How the platforms score human replies (人工响应), and where we had to read between the lines.
 *
 * Published (as the issue quotes the platforms' rules):
 * - Taobao (旺旺): 3-minute human reply rate (3分钟人工响应率) and average human response time
 *   (平均人工响应时长), measured 08:00–23:00. A round (对话轮次) runs from the buyer's first message
 *   to the first valid human reply; a round counts at most 10 minutes; fully automatic robot rounds
 *   (全自动机器人接待) are left out.
 * - Douyin (飞鸽): 3-minute human reply rate, 08:00–23:00; the clock starts at 转人工.
 * - JD (咚咚): first reply within 30 s for at least 80 % of rounds, counted from the buyer's first
 *   message. No cap and no service hours are given.
 * - Pinduoduo, WeCom: the values in rules/sla.json (3 minutes), rounds from the first message.
 *
 * Our reading (not published; each is a comment where it is applied):
 * - "Fully automatic" = the bot replied and no person did before the round settled (cap reached,
 *   or the conversation closed). A round the bot answered first and a person later is scored by
 *   the person's reply.
 * - An unanswered round past the cap counts as the cap and misses the target (Taobao-style).
 *   Without a cap a round settles after a day; an unanswered one then misses the target but has
 *   no response time, so it stays out of the average (a day would swamp it).
 * - A round belongs to the day it started on, in the shop's time zone, and is measured only if it
 *   started inside service hours. A wait that began before opening restarts at the buyer's first
 *   message inside them ("outside them no clock runs").
 * - Douyin: only the buyer's own 转人工 (the engine's `handoff.requested`) starts a round; the
 *   engine's own hand-overs (complaint, unsure FAQ) do not.
 */

/** Without a cap, a round waits this long for its first human reply before it settles. */
export const UNCAPPED_HORIZON_SECONDS = 24 * 60 * 60;

/** By `at`, has the round waited as long as it ever will (the cap, or a day)? */
export function pastHorizon(policy: SlaPolicy, startedAt: number, at: number): boolean {
  return at - startedAt >= (policy.capSeconds ?? UNCAPPED_HORIZON_SECONDS) * 1000;
}

/** Is `at` inside the hours the platform measures? Always, when it names none. */
export function measuredAt(policy: SlaPolicy, at: number, timeZone: string): boolean {
  if (!policy.serviceHours) return true;
  const minutes = toLocal(at, timeZone).minutes;
  const start = clockMinutes(policy.serviceHours.start);
  const end = clockMinutes(policy.serviceHours.end);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}
