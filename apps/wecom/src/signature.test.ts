import { sha1Hex } from '@kefu/wire';
import { describe, expect, it } from 'vitest';
import { checkSignature, MAX_CLOCK_SKEW_MS, signedQuery } from './signature.ts';

const now = Date.UTC(2026, 10, 11, 2, 0, 0);
const timestamp = String(now / 1000);
// Independent of wecomSignature: the four values sorted as strings and joined, then SHA-1.
const sign = (token: string, ts: string, nonce: string, encrypt: string) => sha1Hex([token, ts, nonce, encrypt].sort().join(''));

describe('checkSignature', () => {
  it('should accept WeCom msg_signature in either hex case', () => {
    const msgSignature = sign('tok', timestamp, 'nonce1', 'ENC');
    expect(checkSignature('tok', { msgSignature, timestamp, nonce: 'nonce1' }, 'ENC', now)).toEqual({ kind: 'ok' });
    expect(checkSignature('tok', { msgSignature: msgSignature.toUpperCase(), timestamp, nonce: 'nonce1' }, 'ENC', now)).toEqual({ kind: 'ok' });
  });

  it('should reject another token, another Encrypt and a signature of the wrong length', () => {
    const msgSignature = sign('tok', timestamp, 'nonce1', 'ENC');
    expect(checkSignature('other', { msgSignature, timestamp, nonce: 'nonce1' }, 'ENC', now).kind).toBe('rejected');
    expect(checkSignature('tok', { msgSignature, timestamp, nonce: 'nonce1' }, 'ENC2', now).kind).toBe('rejected');
    expect(checkSignature('tok', { msgSignature: msgSignature.slice(1), timestamp, nonce: 'nonce1' }, 'ENC', now).kind).toBe('rejected');
  });

  it('should accept a timestamp up to 10 minutes off either way, and no further', () => {
    const at = (offsetMs: number) => {
      const ts = String(Math.round((now + offsetMs) / 1000));
      return checkSignature('tok', { msgSignature: sign('tok', ts, 'n', 'E'), timestamp: ts, nonce: 'n' }, 'E', now);
    };
    expect(at(-MAX_CLOCK_SKEW_MS).kind).toBe('ok');
    expect(at(MAX_CLOCK_SKEW_MS).kind).toBe('ok');
    expect(at(-MAX_CLOCK_SKEW_MS - 1000)).toEqual({ kind: 'rejected', reason: expect.stringMatching(/replay window/) });
    expect(at(MAX_CLOCK_SKEW_MS + 1000).kind).toBe('rejected');
  });

  it('should reject a signed timestamp that is not unix seconds', () => {
    expect(checkSignature('tok', { msgSignature: sign('tok', 'soon', 'n', 'E'), timestamp: 'soon', nonce: 'n' }, 'E', now).kind).toBe('rejected');
  });
});

describe('signedQuery', () => {
  it('should name the first missing parameter', () => {
    expect(signedQuery(new URLSearchParams('timestamp=1&nonce=2'))).toEqual({ missing: 'msg_signature' });
    expect(signedQuery(new URLSearchParams('msg_signature=a&nonce=2'))).toEqual({ missing: 'timestamp' });
    expect(signedQuery(new URLSearchParams('msg_signature=a&timestamp=1'))).toEqual({ missing: 'nonce' });
    expect(signedQuery(new URLSearchParams('msg_signature=a&timestamp=1&nonce=2'))).toEqual({ msgSignature: 'a', timestamp: '1', nonce: '2' });
  });
});
