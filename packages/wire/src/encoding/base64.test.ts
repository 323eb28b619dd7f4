import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode } from './base64.ts';
import { utf8 } from './utf8.ts';

describe('base64', () => {
  it('should match Node for every length around the 3-byte group boundary', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 0xff);
      const expected = Buffer.from(bytes).toString('base64');
      expect(base64Encode(bytes)).toBe(expected);
      expect(Buffer.from(base64Decode(expected))).toEqual(Buffer.from(bytes));
    }
  });

  it('should decode without padding', () => {
    expect(base64Decode('QQ')).toEqual(Uint8Array.of(65));
    expect(base64Decode('QUI')).toEqual(Uint8Array.of(65, 66));
  });

  it('should ignore unused low bits in the last character, as a WeCom key needs', () => {
    expect(base64Decode('QR')).toEqual(Uint8Array.of(65));
    expect(base64Decode('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toHaveLength(32);
  });

  it('should reject invalid input', () => {
    for (const bad of ['Q', 'QQ=', 'QQ=A', 'Q===', 'QQ==QQ==', 'QQ Q', '-_ab', 'QUJD\n', 'é123', '====']) {
      expect(() => base64Decode(bad), bad).toThrow(TypeError);
    }
  });

  it('should encode UTF-8', () => {
    expect(Array.from(utf8('客a'))).toEqual([0xe5, 0xae, 0xa2, 0x61]);
  });
});
