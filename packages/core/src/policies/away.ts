import { renderOpening } from '../hours/render.ts';
import type { Decision } from './decision.ts';

/**
 * Away notice (离线自动回复): outside business hours, once per off-period, saying when the shop
 * reopens in the shop's time zone.
 */
export function away(d: Decision): boolean {
  if (!d.rules.policies.away.enabled || d.humanActive) return false;
  const { calendar } = d.engine;
  if (calendar.isOpen(d.now)) return false;
  const opening = calendar.nextOpening(d.now);
  const offPeriod = opening ?? Number.MAX_SAFE_INTEGER;
  if (d.state.awayUntil === offPeriod) return false;
  const nextOpen = opening === undefined ? '稍后' : renderOpening(opening, d.now, calendar.timeZone);
  d.reply({
    script: 'away',
    variants: d.rules.scripts.away,
    rotationKey: 'away',
    intent: 'other',
    ruleId: 'scripts.away',
    values: { nextOpen },
    reason: { code: 'away.closed', detail: `outside business hours; reopens ${nextOpen}` },
  });
  d.state.awayUntil = offPeriod;
  return true;
}
