import { faqRuleSchema } from '@kefu/core';
import { describe, expect, it } from 'vitest';
import { generateFaqRules } from './generate-rules.ts';

describe('generateFaqRules', () => {
  it('should make the requested number of valid, distinct, deterministic rules', () => {
    const rules = generateFaqRules(2000);
    expect(rules).toHaveLength(2000);
    expect(new Set(rules.map((r) => r.id)).size).toBe(2000);
    expect(new Set(rules.map((r) => r.examples[0])).size).toBe(2000);
    for (const rule of rules.slice(0, 50)) expect(faqRuleSchema.safeParse(rule).success).toBe(true);
    expect(generateFaqRules(2000)).toEqual(rules);
  });
});
