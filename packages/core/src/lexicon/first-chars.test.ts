import { describe, expect, it } from 'vitest';
import { firstChars } from './first-chars.ts';

const chars = (source: string) => {
  const set = firstChars(source);
  return set ? [...set].sort() : undefined;
};

describe('firstChars', () => {
  it('should read literal alternatives through lookbehinds, lookaheads and groups', () => {
    expect(chars('(?<!不)(?:投诉|举报)')).toEqual(['举', '投']);
    expect(chars('(?=(?:电池|充电宝)(?:爆炸|冒烟))(?<!怕)[^,]{0,3}炸')).toEqual(['充', '电']);
    expect(chars('(?<![0-9a-z])(?:12315|12345)(?![0-9])')).toEqual(['1']);
    expect(chars('瓶子?碎了')).toEqual(['瓶']);
    expect(chars('(?:(?:打|拨)12315|消协)')).toEqual(['打', '拨', '消']);
    expect(chars('(?=x)|y')).toEqual(['x', 'y']);
  });

  it('should give up whenever the first character is not certain', () => {
    for (const source of ['.{0,3}坏', '[坏烂]了', '\\d+天', '(?:坏)?了', '子?碎了', '(?:投诉|.*骗)', '(?:a|)b', '(']) {
      expect(chars(source), source).toBeUndefined();
    }
  });

  it('should only claim characters a real match starts with', () => {
    const samples = ['我要投诉', '举报你们', '电池冒烟了', '打12315', '消协见'];
    for (const source of ['(?<!不)(?:投诉|举报)', '(?=(?:电池|充电宝)(?:爆炸|冒烟))', '(?:(?:打|拨)12315|消协)']) {
      const set = firstChars(source);
      const regex = new RegExp(source, 'u');
      for (const text of samples) {
        const m = regex.exec(text);
        if (m) expect(set?.has(text[m.index] ?? '')).toBe(true);
      }
    }
  });
});
