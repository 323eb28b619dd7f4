import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacBase64, hmacHex, md5Hex, sha1Hex, sha256Hex } from './digest.ts';
import { safeEqual } from './safe-equal.ts';

describe('digest', () => {
  it('should produce the well-known lowercase hex digests of "abc"', () => {
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('should hash the UTF-8 bytes of non-ASCII text', () => {
    const bytes = Buffer.from([0xe5, 0xae, 0xa2, 0xe6, 0x9c, 0x8d]); // 客服
    expect(md5Hex('客服')).toBe(createHash('md5').update(bytes).digest('hex'));
  });

  it('should reproduce the RFC 4231 test case 2 HMAC-SHA256', () => {
    const expected = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(hmacHex('sha256', 'Jefe', 'what do ya want for nothing?')).toBe(expected);
    expect(hmacBase64('sha256', 'Jefe', 'what do ya want for nothing?')).toBe(Buffer.from(expected, 'hex').toString('base64'));
  });

  it('should reproduce the RFC 2202 HMAC-MD5 and HMAC-SHA1 test case 2', () => {
    expect(hmacHex('md5', 'Jefe', 'what do ya want for nothing?')).toBe('750c783e6ab0b503eaa86e310a5db738');
    expect(hmacHex('sha1', 'Jefe', 'what do ya want for nothing?')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
  });
});

describe('safeEqual', () => {
  it('should accept equal strings and reject any difference', () => {
    expect(safeEqual('v0=abc123', 'v0=abc123')).toBe(true);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('v0=abc123', 'v0=abc124')).toBe(false);
    expect(safeEqual('ABC', 'abc')).toBe(false);
  });

  it('should return false on a length mismatch instead of throwing', () => {
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'a')).toBe(false);
    // Same UTF-16 length, different UTF-8 length.
    expect(safeEqual('é', 'e')).toBe(false);
  });
});
