import { describe, expect, it } from 'vitest';
import { TermIndex } from './term-index.ts';

describe('TermIndex', () => {
  it('should find every occurrence, overlapping and nested, in order of position', () => {
    const index = new TermIndex([
      ['投诉', 'a'],
      ['我要投诉', 'b'],
      ['诉', 'c'],
      ['投诉', 'd'],
    ]);
    const found = [...index.occurrences('我要投诉投诉')].map((o) => [o.start, o.term, o.values.join('')]);
    expect(found).toEqual([
      [0, '我要投诉', 'b'],
      [2, '投诉', 'ad'],
      [3, '诉', 'c'],
      [4, '投诉', 'ad'],
      [5, '诉', 'c'],
    ]);
  });

  it('should find nothing in an empty text or with no terms', () => {
    expect([...new TermIndex([['a', 1]]).occurrences('')]).toEqual([]);
    expect([...new TermIndex<number>([]).occurrences('abc')]).toEqual([]);
  });
});
