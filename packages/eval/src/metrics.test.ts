import type { Classification } from '@kefu/core';
import { describe, expect, it } from 'vitest';
import type { Labelled } from './devset.ts';
import { score } from './metrics.ts';

const item = (intent: Labelled['intent'], escalate: boolean, tags: string[] = []): Labelled => ({ id: 'x', text: 't', intent, escalate, tags });
const got = (intent: Classification['intent'], escalate: boolean): Classification => ({ intent, escalate, ruleId: null, score: null, reasons: [] });

describe('score', () => {
  it('should compute escalation precision/recall and FAQ precision/coverage as defined', () => {
    const report = score([
      { item: item('complaint', true, ['threat']), got: got('complaint', true) }, // tp
      { item: item('complaint', true, ['sarcasm']), got: got('other', false) }, // fn
      { item: item('shipping_time', false), got: got('shipping_time', false) }, // FAQ right
      { item: item('courier', false), got: got('shipping_time', true) }, // FAQ wrong, fp
      { item: item('discount', false), got: got('other', false) }, // FAQ not answered
      { item: item('other', false), got: got('greeting', false) }, // FAQ answer to a non-FAQ message
    ]);
    expect(report.escalation).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(report.faq).toEqual({ answerable: 3, answered: 3, correct: 1, precision: 1 / 3, coverage: 1 / 3 });
    expect(report.recallByTag).toEqual({ threat: { hit: 1, of: 1 }, sarcasm: { hit: 0, of: 1 } });
    expect(report.perIntent.courier).toEqual({ labelled: 1, answeredCorrectly: 0, answeredWrongly: 1, escalated: 1 });
  });

  it('should report zero rather than NaN when nothing was answered or escalated', () => {
    const report = score([{ item: item('other', false), got: got('other', false) }]);
    expect(report.escalation.precision).toBe(0);
    expect(report.faq.coverage).toBe(0);
  });
});
