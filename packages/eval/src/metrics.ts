import type { Classification, Intent } from '@kefu/core';
import type { Labelled } from './devset.ts';

/** Intents the FAQ auto-reply is meant to answer (complaints are judged by escalation). */
const FAQ_INTENTS: readonly Intent[] = ['greeting', 'shipping_time', 'courier', 'discount', 'product_info', 'order_status', 'damaged_wrong', 'return_refund'];

export type Scored = { item: Labelled; got: Classification };

export type Report = {
  total: number;
  escalation: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  faq: {
    /** Messages whose label is an FAQ intent. */
    answerable: number;
    /** Auto-replies with an FAQ intent (to any message). */
    answered: number;
    correct: number;
    /** correct / answered: how often an auto-answer is the right one. */
    precision: number;
    /** correct / answerable: how much of the answerable traffic the bot takes. */
    coverage: number;
  };
  /** Per-tag escalation recall (on messages labelled escalate). */
  recallByTag: Record<string, { hit: number; of: number }>;
  perIntent: Record<string, { labelled: number; answeredCorrectly: number; answeredWrongly: number; escalated: number }>;
};

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Compare the engine's decisions with the labels. */
export function score(results: readonly Scored[]): Report {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let answerable = 0;
  let answered = 0;
  let correct = 0;
  const recallByTag: Report['recallByTag'] = {};
  const perIntent: Report['perIntent'] = {};
  for (const { item, got } of results) {
    if (got.escalate && item.escalate) tp += 1;
    else if (got.escalate) fp += 1;
    else if (item.escalate) fn += 1;
    if (item.escalate) {
      for (const tag of item.tags) {
        const t = (recallByTag[tag] ??= { hit: 0, of: 0 });
        t.of += 1;
        if (got.escalate) t.hit += 1;
      }
    }
    const isFaqAnswer = FAQ_INTENTS.includes(got.intent);
    if (FAQ_INTENTS.includes(item.intent)) answerable += 1;
    if (isFaqAnswer) answered += 1;
    if (isFaqAnswer && got.intent === item.intent) correct += 1;
    const row = (perIntent[item.intent] ??= { labelled: 0, answeredCorrectly: 0, answeredWrongly: 0, escalated: 0 });
    row.labelled += 1;
    if (got.intent !== 'other' && got.intent === item.intent) row.answeredCorrectly += 1;
    else if (got.intent !== 'other') row.answeredWrongly += 1;
    if (got.escalate) row.escalated += 1;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    total: results.length,
    escalation: { tp, fp, fn, precision, recall, f1: ratio(2 * precision * recall, precision + recall) },
    faq: { answerable, answered, correct, precision: ratio(correct, answered), coverage: ratio(correct, answerable) },
    recallByTag,
    perIntent,
  };
}
