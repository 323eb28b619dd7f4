import type { FaqRule } from '@kefu/core';
import { describe, expect, it } from 'vitest';
import { keywordBaseline } from './keyword.ts';
import { miniSearchBaseline } from './minisearch.ts';

const rule = (id: string, intent: FaqRule['intent'], any: string[], examples: string[]): FaqRule => ({
  id,
  intent,
  priority: 0,
  keywords: { any, all: [], none: [] },
  examples,
  answers: ['a'],
  followUp: 'none',
  scope: { platforms: [], shops: [] },
});
const rules = [rule('ship', 'shipping_time', ['发货'], ['什么时候发货', '几天发货']), rule('courier', 'courier', ['快递'], ['发什么快递', '能发顺丰吗'])];

describe('keywordBaseline', () => {
  it('should answer with the first rule whose keyword occurs and escalate on complaint words', () => {
    const k = keywordBaseline(rules);
    expect(k.classify('发货用什么快递')).toEqual({ intent: 'shipping_time', escalate: false });
    expect(k.classify('我要投訴')).toEqual({ intent: 'other', escalate: true });
  });
});

describe('miniSearchBaseline', () => {
  it('should answer with the top hit above its minimum score and abstain below it', () => {
    const m = miniSearchBaseline(rules, 1);
    expect(m.classify('请问什么时候发货').intent).toBe('shipping_time');
    expect(miniSearchBaseline(rules, 1000).classify('请问什么时候发货').intent).toBe('other');
  });
});
