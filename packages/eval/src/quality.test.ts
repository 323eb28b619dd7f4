import { fileURLToPath } from 'node:url';
import { loadRulesDirectory } from '@kefu/cli';
import { describe, expect, it } from 'vitest';
import { DEVSET_PATH, HOLDOUT_PATH, readLabelled, TUNING_PATH } from './devset.ts';
import { evaluate } from './evaluate.ts';

const RULES = fileURLToPath(new URL('../../../rules', import.meta.url));

// Floors a few points under the figures of the default rules when they were set, so a change to
// the engine or the rules that costs real quality fails here. Raise them as quality improves.
const FLOORS = [
  { name: 'held-out set', path: HOLDOUT_PATH, escalation: { precision: 0.84, recall: 0.82 }, faq: { precision: 0.94, coverage: 0.52 } },
  { name: 'tuning set', path: TUNING_PATH, escalation: { precision: 0.87, recall: 0.83 }, faq: { precision: 0.9, coverage: 0.48 } },
  { name: 'dev set', path: DEVSET_PATH, escalation: { precision: 0.9, recall: 0.95 }, faq: { precision: 0.95, coverage: 0.62 } },
];

describe.each(FLOORS)('default rules on the $name', ({ path, escalation, faq }) => {
  it('should stay above the quality floors', async () => {
    const loaded = await loadRulesDirectory(RULES);
    if (loaded.kind !== 'ok') throw new Error(JSON.stringify(loaded.errors));
    const { report } = evaluate(loaded.engine, readLabelled(path));
    expect(report.escalation.precision).toBeGreaterThanOrEqual(escalation.precision);
    expect(report.escalation.recall).toBeGreaterThanOrEqual(escalation.recall);
    expect(report.faq.precision).toBeGreaterThanOrEqual(faq.precision);
    expect(report.faq.coverage).toBeGreaterThanOrEqual(faq.coverage);
  });
});
