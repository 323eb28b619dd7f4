import { clockMinutes, toLocal } from '../hours/zoned-time.ts';
import type { SlaPolicy } from '../rules/sla.ts';
import type { Decision } from './decision.ts';
import { replyHolding } from './replies.ts';

function inServiceHours(policy: SlaPolicy, at: number, timeZone: string): boolean {
  if (!policy.serviceHours) return true;
  const minutes = toLocal(at, timeZone).minutes;
  const start = clockMinutes(policy.serviceHours.start);
  const end = clockMinutes(policy.serviceHours.end);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * The buyer is waiting for a person: start the platform's human-response clock (人工响应时效), with
 * an alert before the deadline and a re-escalation at it. A round already open keeps its start:
 * the platform counts from the first unanswered message.
 */
export function openRound(d: Decision, why: string): void {
  const policy = d.rules.sla[d.event.platform];
  if (d.state.round) return;
  if (!inServiceHours(policy, d.event.at, d.rules.shop.timezone)) {
    d.log({ code: 'sla.outside_service_hours', detail: `${d.event.platform} does not measure replies at this hour` });
    return;
  }
  const startedAt = d.event.at;
  const deadline = startedAt + policy.replyWithinSeconds * 1000;
  const ref = d.event.id;
  d.state.round = { ref, startedAt, deadline, reason: why };
  d.schedule(startedAt + policy.alertAfterSeconds * 1000, 'sla_alert', ref, {
    code: 'sla.alert_scheduled',
    detail: `alert ${policy.alertAfterSeconds}s after the buyer's message if no person has replied`,
  });
  d.schedule(deadline, 'sla_breach', ref, {
    code: 'sla.breach_scheduled',
    detail: `${d.event.platform} expects a human reply within ${policy.replyWithinSeconds}s`,
  });
}

/** A person replied: the round ends; its response time is logged the way the platform counts it. */
export function closeRound(d: Decision): void {
  const round = d.state.round;
  if (!round) return;
  const policy = d.rules.sla[d.event.platform];
  const seconds = Math.max(0, Math.round((d.event.at - round.startedAt) / 1000));
  const counted = policy.capSeconds ? Math.min(seconds, policy.capSeconds) : seconds;
  d.log(
    { code: 'sla.round_closed', detail: `first human reply after ${seconds}s` },
    { responseSeconds: counted, withinSla: seconds <= policy.replyWithinSeconds },
  );
  delete d.state.round;
}

/** An SLA timer came due: alert (or re-escalate at breach) if the same round is still open. */
export function onSlaTimer(d: Decision, purpose: 'sla_alert' | 'sla_breach', ref: string): void {
  const round = d.state.round;
  if (!round || round.ref !== ref) {
    d.log({ code: 'sla.timer_stale', detail: `${purpose} for ${ref}: a person already replied` });
    return;
  }
  const policy = d.rules.sla[d.event.platform];
  const waited = Math.round((d.now - round.startedAt) / 1000);
  if (purpose === 'sla_alert') {
    d.escalate('high', [{ code: 'sla.alert', detail: `buyer waiting ${waited}s for a person (${round.reason}); deadline in ${Math.max(0, Math.round((round.deadline - d.now) / 1000))}s` }], round.deadline);
    return;
  }
  d.escalate('critical', [{ code: 'sla.breach', detail: `no human reply within ${policy.replyWithinSeconds}s (${round.reason})` }], round.deadline);
  if (policy.holdingOnBreach && !d.humanActive) {
    replyHolding(d, { code: 'sla.breach_holding', detail: 'tell the buyer a person is on the way' });
  }
}
