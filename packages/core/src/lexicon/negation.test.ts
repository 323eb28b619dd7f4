import { describe, expect, it } from 'vitest';
import { Negation } from './negation.ts';

const negation = new Negation({ cues: ['不是', '没', '不會'], bridges: ['要', '给'], scoped: ['不是'] });

describe('Negation', () => {
  it('should negate a term right after a cue, with at most one bridge word', () => {
    expect(negation.negates('不是要投诉', 3)).toBe(true);
    expect(negation.negates('没坏', 1)).toBe(true);
    expect(new Negation({ cues: ['不是'], bridges: [] }).negates('不是我要投诉', 4)).toBe(false);
  });

  it('should let a scoped cue negate the rest of its clause, but not past a break or an idiom', () => {
    const text = (s: string, term: string) => negation.negates(s, s.indexOf(term));
    expect(text('不是说你们卖假的', '假的')).toBe(true);
    expect(text('别紧张,不是来投诉的', '投诉')).toBe(true);
    expect(text('不是我说,你们卖假货', '假货')).toBe(false);
    expect(text('不是漏发就是发错', '发错')).toBe(false);
    expect(text('质量不是一般的差', '差')).toBe(false);
    expect(text('不是今天也不是明天反正就是一直投诉', '投诉')).toBe(false);
  });

  it('should normalise cues like buyer text (繁体 cue, simplified text)', () => {
    expect(negation.negates('不会给差评', 3)).toBe(true);
  });
});
