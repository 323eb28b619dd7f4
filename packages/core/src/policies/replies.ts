import type { FaqRule } from '../rules/faq.ts';
import type { Reason } from '../types/action.ts';
import type { Decision } from './decision.ts';

/** Answer with an FAQ rule (next variant) and remember it, so it is not repeated in the window. */
export function replyWithFaq(d: Decision, rule: FaqRule, score: number, reason: Reason): void {
  d.reply({ script: 'faq', variants: rule.answers, rotationKey: `faq.${rule.id}`, intent: rule.intent, ruleId: rule.id, score, reason });
  d.state.answers.push({ ruleId: rule.id, at: d.now });
}

/** The holding script (稍等核实): a person is coming. */
export function replyHolding(d: Decision, reason: Reason): void {
  d.reply({ script: 'holding', variants: d.rules.scripts.holding, rotationKey: 'holding', intent: 'other', ruleId: 'scripts.holding', reason });
}
