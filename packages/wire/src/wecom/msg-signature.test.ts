import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { wecomSignature } from './msg-signature.ts';

describe('wecomSignature', () => {
  it('should hash the four values sorted and joined', () => {
    const expected = createHash('sha1').update('1372623141409659813ENCabcQDG6eK').digest('hex');
    expect(wecomSignature('QDG6eK', '1409659813', '137262314', 'ENCabc')).toBe(expected);
  });

  it('should not depend on which argument carries which value', () => {
    expect(wecomSignature('a', 'b', 'c', 'd')).toBe(wecomSignature('d', 'c', 'b', 'a'));
  });
});
