import type { ComplaintVerdict } from '../complaint/detector.ts';
import type { Reason } from '../types/action.ts';
import type { Decision } from './decision.ts';
import { openRound } from './sla.ts';

/** The reasons an escalation carries: every signal that fired, and what amplified them. */
export function complaintReasons(verdict: ComplaintVerdict): Reason[] {
  const reasons: Reason[] = verdict.signals.map((s) => ({ code: `complaint.${s.category}`, detail: `${s.id}: "${s.match}" (+${s.weight})` }));
  if (verdict.intensity > 1) reasons.push({ code: 'complaint.intensity', detail: `×${verdict.intensity}` });
  if (verdict.repeated) reasons.push({ code: 'complaint.repeated', detail: 'earlier messages in this conversation complained too' });
  return reasons;
}

/**
 * Complaint (投诉): soothe first (先处理心情, 再处理事情 — unless a person is already there), then
 * escalate with severity and the signals that fired, and start the human-response clock.
 */
export function handleComplaint(d: Decision, verdict: ComplaintVerdict): void {
  if (!d.humanActive) {
    d.reply({
      script: 'complaintSoothe',
      variants: d.rules.scripts.complaintSoothe,
      rotationKey: 'complaintSoothe',
      intent: 'complaint',
      ruleId: 'scripts.complaintSoothe',
      reason: { code: 'complaint.soothe', detail: `complaint score ${verdict.score} ≥ ${d.rules.complaint.threshold}` },
    });
  }
  d.escalate(verdict.severity, complaintReasons(verdict));
  openRound(d, 'complaint');
}
