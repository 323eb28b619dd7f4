import { describe, expect, it } from 'vitest';
import { Negation } from './negation.ts';

const negation = new Negation({ cues: ['不是', '没', '不會'], bridges: ['要', '给'] });

describe('Negation', () => {
  it('should negate a term right after a cue, with at most one bridge word', () => {
    expect(negation.negates('不是要投诉', 3)).toBe(true);
    expect(negation.negates('没坏', 1)).toBe(true);
    expect(negation.negates('不是我要投诉', 4)).toBe(false);
  });

  it('should normalise cues like buyer text (繁体 cue, simplified text)', () => {
    expect(negation.negates('不会给差评', 3)).toBe(true);
  });
});
