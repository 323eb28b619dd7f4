import type { ComplaintVerdict } from '../complaint/detector.ts';
import type { FaqCandidate, FaqMatch } from '../faq/matcher.ts';
import type { Reason } from '../types/action.ts';
import type { Decision } from './decision.ts';
import { replyWithFaq } from './replies.ts';
import { openRound } from './sla.ts';

/** The reasons an escalation carries: every signal that fired, and what amplified them. */
export function complaintReasons(verdict: ComplaintVerdict): Reason[] {
  const reasons: Reason[] = verdict.signals.map((s) => ({ code: `complaint.${s.category}`, detail: `${s.id}: "${s.match}" (+${s.weight})` }));
  if (verdict.intensity > 1) reasons.push({ code: 'complaint.intensity', detail: `×${verdict.intensity}` });
  if (verdict.repeated) reasons.push({ code: 'complaint.repeated', detail: 'earlier messages in this conversation complained too' });
  return reasons;
}

/**
 * For a calm problem report, the FAQ rule to answer with: the best-ranked rule of the intent the
 * fired categories map to among those whose gates pass and that share words with the message —
 * the detector's evidence picks the intent, the match picks the answer ("口红断了" → the
 * damaged-goods answer). Undefined when the report is not calm or no such rule matched.
 */
function calmAnswer(d: Decision, verdict: ComplaintVerdict, faq: () => FaqMatch): FaqCandidate | undefined {
  const map = d.rules.complaint.calmReports;
  if (verdict.intensity > 1 || verdict.repeated) return undefined;
  const intents = new Set(verdict.signals.map((s) => map[s.category]));
  if (intents.has(undefined)) return undefined;
  return faq().ranked.find((c) => intents.has(c.rule.intent));
}

/**
 * Complaint (投诉): escalate with severity and the signals that fired, and start the
 * human-response clock. The buyer first hears the soothing script (先处理心情, 再处理事情) — or, for
 * a calm problem report the FAQ answers ("碎了一个" → please send photos), that answer. Nothing
 * is said while a person is already handling the conversation.
 */
export function handleComplaint(d: Decision, verdict: ComplaintVerdict, faq: () => FaqMatch): void {
  if (!d.humanActive) {
    const answer = calmAnswer(d, verdict, faq);
    if (answer) {
      const { rule, score } = answer;
      replyWithFaq(d, rule, score, {
        code: 'complaint.calm_report',
        detail: `calm problem report (score ${verdict.score}); answered by ${rule.id} (${score.toFixed(2)})`,
      });
    } else {
      d.reply({
        script: 'complaintSoothe',
        variants: d.rules.scripts.complaintSoothe,
        rotationKey: 'complaintSoothe',
        intent: 'complaint',
        ruleId: 'scripts.complaintSoothe',
        reason: { code: 'complaint.soothe', detail: `complaint score ${verdict.score} ≥ ${d.rules.complaint.threshold}` },
      });
    }
  }
  d.escalate(verdict.severity, complaintReasons(verdict));
  d.handoff({ code: 'complaint', detail: verdict.signals.map((s) => s.id).join(', ') });
  openRound(d, 'complaint');
}
