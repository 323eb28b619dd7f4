import { normalize, type FaqRule } from '@kefu/core';
import type { Classifier } from '../classifier.ts';

/** The complaint words a first attempt lists (the issue's own examples). */
const NAIVE_COMPLAINT_WORDS = ['投诉', '12315', '消协', '工商', '举报', '曝光', '差评', '律师', '骗', '假货', '坑'];

/**
 * The naive baseline most shops start with: loop over the FAQ rules and answer with the first one
 * whose keyword occurs; escalate when a complaint word occurs. Same normalisation as the engine,
 * so the comparison is about matching, not about 繁体 or full-width input.
 */
export function keywordBaseline(rules: readonly FaqRule[]): Classifier {
  return {
    name: 'keyword loop',
    classify(raw) {
      const text = normalize(raw).text;
      const escalate = NAIVE_COMPLAINT_WORDS.some((w) => text.includes(w));
      for (const rule of rules) {
        if (rule.keywords.any.some((k) => text.includes(k))) return { intent: rule.intent, escalate };
      }
      return { intent: 'other', escalate };
    },
  };
}
