import { describe, expect, it } from 'vitest';
import { byteLength, cutBytes, cutChars } from './cut.ts';

const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('cutChars', () => {
  it('should leave text within the limit untouched', () => {
    expect(cutChars('退款', 2)).toBe('退款');
  });

  it('should cut to the limit, mark included, without splitting a surrogate pair', () => {
    const s = 'ab😀😀😀';
    for (let max = 1; max < s.length; max += 1) {
      const cut = cutChars(s, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(isWellFormed(cut)).toBe(true);
      expect(cut.endsWith('…')).toBe(true);
    }
    expect(cutChars(s, 4)).toBe('ab…');
  });
});

describe('cutBytes', () => {
  it('should count UTF-8 bytes: three per CJK character, four per emoji', () => {
    expect(byteLength('退款a😀')).toBe(3 + 3 + 1 + 4);
  });

  it('should cut on code point boundaries within the byte limit', () => {
    const s = '退款😀退款😀退款';
    for (let max = 3; max < byteLength(s); max += 1) {
      const cut = cutBytes(s, max);
      expect(byteLength(cut)).toBeLessThanOrEqual(max);
      expect(isWellFormed(cut)).toBe(true);
    }
    expect(cutBytes(s, 10)).toBe('退款…');
  });
});
