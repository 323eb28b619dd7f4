import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('should return segmenter words plus bigrams of Chinese runs', () => {
    const terms = tokenize('啥时候发货');
    expect(terms).toContain('发货');
    expect(terms).toContain('啥时');
  });

  it('should keep Latin and digits as whole words', () => {
    expect(tokenize('能发sf吗12315')).toEqual(expect.arrayContaining(['sf', '12315']));
  });

  it('should skip punctuation and emoji', () => {
    expect(tokenize('!?😡~')).toEqual([]);
  });
});
