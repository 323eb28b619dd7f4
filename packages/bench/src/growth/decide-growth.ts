import { compileRules, type Engine } from '@kefu/core';
import { decideTiming, timeOnce } from '../engine/decide-timing.ts';
import type { Timing } from '../engine/measure.ts';
import { generateFaqRules } from '../generate-rules.ts';

/** The catalogue sizes cost growth is measured at: generated FAQ rules added to the default rules. */
export const RULE_COUNTS = [10, 100, 1000, 5000] as const;

export type DecideGrowthRow = { generated: number; faq: number; compileMs: number; timing: Timing };

/** decide() with the default rules (the baseline, first) and with each count of generated FAQ rules added. */
export function decideGrowth(defaults: Engine, texts: readonly string[]): DecideGrowthRow[] {
  return [0, ...RULE_COUNTS].map((generated) => {
    const rules = { ...defaults.rules, faq: [...defaults.rules.faq, ...generateFaqRules(generated)] };
    let engine = defaults;
    const compileMs = timeOnce(() => (engine = compileRules(rules)));
    // Three rounds over the dev set: enough for a stable median, and 5,000 rules stay quick.
    return { generated, faq: rules.faq.length, compileMs, timing: decideTiming(engine, texts, 3) };
  });
}
