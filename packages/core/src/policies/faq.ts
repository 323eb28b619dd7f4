import type { FaqMatch } from '../faq/matcher.ts';
import type { Decision } from './decision.ts';
import { replyHolding, replyWithFaq } from './replies.ts';
import { openRound } from './sla.ts';

/** The holding script, once per waiting round and only if nothing else was said. */
function hold(d: Decision, detail: string): void {
  if (d.state.round || d.humanActive || d.repliedSoFar) return;
  replyHolding(d, { code: 'faq.holding', detail });
}

/**
 * FAQ auto-reply (常见问题自动回复), only when sure: the answer band replies (variants rotate, the
 * same answer is not repeated within the window); the suggest band sends the holding script and
 * hands over with the suggestion; abstain hands over. A rule's `followUp` brings a person in after
 * its answer (complaint-intent rules always escalate).
 * `acknowledged`: a greeting or away notice went out already, so a greeting answer is not repeated.
 */
export function answerFaq(d: Decision, match: FaqMatch, acknowledged: boolean): void {
  if (d.humanActive) return;
  if (acknowledged && match.band === 'answer' && match.best.rule.intent === 'greeting') return;
  const { repeatWindowMinutes } = d.rules.policies.faq;
  d.state.answers = d.state.answers.filter((a) => d.now - a.at < repeatWindowMinutes * 60_000);

  if (match.band === 'answer') {
    const { rule, score, terms, keywords } = match.best;
    if (d.state.answers.some((a) => a.ruleId === rule.id)) {
      hold(d, `${rule.id} was already answered in the last ${repeatWindowMinutes} min`);
      d.handoff({ code: 'faq.repeat', detail: `buyer asked "${rule.id}" again: the answer did not help` }, { ruleId: rule.id, score });
      openRound(d, 'repeat question');
      return;
    }
    replyWithFaq(d, rule, score, {
      code: 'faq.answer',
      detail: `matched "${match.best.example}" (${score.toFixed(2)}); terms ${terms.join(' ')}; keywords ${keywords.join(' ') || '-'}`,
    });
    if (rule.followUp === 'escalate' || rule.intent === 'complaint') {
      d.escalate('normal', [{ code: `faq.${rule.intent}`, detail: `${rule.id} matched (${score.toFixed(2)}): a person must follow up` }]);
      d.handoff({ code: 'faq.follow_up', detail: `${rule.id} needs a person after the answer` });
      openRound(d, rule.id);
    } else if (rule.followUp === 'handoff') {
      d.handoff({ code: 'faq.follow_up', detail: `${rule.id} needs a person to check this buyer's case` });
      openRound(d, rule.id);
    }
    return;
  }

  if (match.band === 'suggest') {
    hold(d, match.why);
    d.handoff({ code: 'faq.unsure', detail: match.why }, { ruleId: match.best.rule.id, score: match.best.score });
    openRound(d, 'bot unsure');
    return;
  }

  hold(d, match.why);
  d.handoff({ code: 'faq.abstain', detail: match.why });
  openRound(d, 'no FAQ answer');
}
