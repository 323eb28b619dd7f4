import { describe, expect, it } from 'vitest';
import { chinaTimestamp } from './china-time.ts';
import { sortedConcat } from './sorted-concat.ts';

describe('sortedConcat', () => {
  it('should sort keys, skip sign, and keep empty values unless asked', () => {
    const params = { b: '2', a: '1', sign: 'X', c: '', B: 'up' };
    expect(sortedConcat(params)).toBe('Bupa1b2c');
    expect(sortedConcat(params, { skipEmpty: true })).toBe('Bupa1b2');
  });
});

describe('chinaTimestamp', () => {
  it('should render the instant as GMT+8 wall-clock time', () => {
    expect(chinaTimestamp(Date.UTC(2023, 11, 31, 16, 0, 0))).toBe('2024-01-01 00:00:00');
    expect(chinaTimestamp(Date.UTC(2024, 1, 29, 3, 4, 5, 999))).toBe('2024-02-29 11:04:05');
    expect(chinaTimestamp(0)).toBe('1970-01-01 08:00:00');
  });

  it('should reject a non-finite instant', () => {
    expect(() => chinaTimestamp(Number.NaN)).toThrow(RangeError);
  });
});
