import { describe, expect, it } from 'vitest';
import { CHANNELS, escalation, NOW } from '../test-support/fixtures.ts';
import { CHARS, fitText } from './fit.ts';
import { byUrgency } from './labels.ts';
import { mentionedNames, resolveMentions } from './mentions.ts';

describe('byUrgency', () => {
  it('should put higher severity first, then the nearest deadline, escalations without one last', () => {
    const items = [
      escalation({ id: 'low', severity: 'low', deadline: NOW }),
      escalation({ id: 'crit-none', severity: 'critical', deadline: undefined }),
      escalation({ id: 'crit-late', severity: 'critical', deadline: NOW + 60_000 }),
      escalation({ id: 'crit-soon', severity: 'critical', deadline: NOW + 1000 }),
      escalation({ id: 'high', severity: 'high' }),
    ];
    expect(byUrgency(items).map((e) => e.id)).toEqual(['crit-soon', 'crit-late', 'crit-none', 'high', 'low']);
    expect(items[0]?.id).toBe('low'); // the input is left alone
  });
});

describe('resolveMentions', () => {
  it('should resolve names through people once each, keeping the ones it cannot reach', () => {
    const channel = { ...CHANNELS.dingtalk, people: { ...CHANNELS.dingtalk.people, 空: {} } };
    expect(resolveMentions(channel, ['店长', '店长', '空', '谁'])).toEqual({ people: [{ name: '店长', mobile: '13800000001' }], unresolved: ['空', '谁'] });
    expect(resolveMentions(CHANNELS.webhook, ['店长'])).toEqual({ people: [], unresolved: ['店长'] });
  });

  it('should gather every name a digest asks for', () => {
    expect(mentionedNames([{ mention: ['a', 'b'] }, { mention: ['b', 'c'] }])).toEqual(['a', 'b', 'c']);
  });
});

describe('fitText', () => {
  const parts = { head: 'H'.repeat(50), quoteHeading: 'Q:', quotes: ['q1'.repeat(10), 'q2'.repeat(10), 'q3'.repeat(10)], quoteJoin: '\n', tail: '@tail' };

  it('should keep everything when it fits', () => {
    expect(fitText(parts, 1000, CHARS)).toBe(`${parts.head}\n\nQ:\n${parts.quotes.join('\n')}\n\n@tail`);
  });

  it('should drop the oldest quotes first', () => {
    const text = fitText(parts, 50 + 2 + 3 + 20 + 1 + 20 + 2 + 5, CHARS);
    expect(text).toBe(`${parts.head}\n\nQ:\n${parts.quotes[1]}\n${parts.quotes[2]}\n\n@tail`);
  });

  it('should cut the head, never the tail, when even no quotes are too long', () => {
    const text = fitText(parts, 30, CHARS);
    expect(text.length).toBeLessThanOrEqual(30);
    expect(text.endsWith('…\n\n@tail')).toBe(true);
  });
});
