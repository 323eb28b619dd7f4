import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signClaim, verifyClaim } from './claim-token.ts';

const SECRET = 'claim-secret';
const ID = 'esc_01HZX3';
const EXP = 1_732_345_450_000;

describe('signClaim', () => {
  it('should be base64url HMAC-SHA256 over id.expiresAt', () => {
    const expected = createHmac('sha256', SECRET).update(`${ID}.${EXP}`).digest('base64url');
    expect(signClaim(SECRET, ID, EXP)).toBe(expected);
    expect(signClaim(SECRET, ID, EXP)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('should refuse an empty secret or a fractional expiry', () => {
    expect(() => signClaim('', ID, EXP)).toThrow(RangeError);
    expect(() => signClaim(SECRET, ID, EXP + 0.5)).toThrow(RangeError);
  });
});

describe('verifyClaim', () => {
  const token = signClaim(SECRET, ID, EXP);

  it('should accept a genuine link before it expires', () => {
    expect(verifyClaim(SECRET, ID, EXP, token, EXP - 1)).toEqual({ kind: 'ok' });
  });

  it('should call a genuine link expired from its expiry on', () => {
    expect(verifyClaim(SECRET, ID, EXP, token, EXP)).toEqual({ kind: 'rejected', reason: 'expired' });
    expect(verifyClaim(SECRET, ID, EXP, token, EXP + 86_400_000)).toEqual({ kind: 'rejected', reason: 'expired' });
  });

  it('should reject a tampered link as bad_token, even once expired', () => {
    const now = EXP - 1;
    expect(verifyClaim(SECRET, 'esc_other', EXP, token, now)).toEqual({ kind: 'rejected', reason: 'bad_token' });
    expect(verifyClaim(SECRET, ID, EXP + 3_600_000, token, now)).toEqual({ kind: 'rejected', reason: 'bad_token' });
    expect(verifyClaim('other-secret', ID, EXP, token, now)).toEqual({ kind: 'rejected', reason: 'bad_token' });
    expect(verifyClaim(SECRET, ID, EXP, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, now)).toEqual({ kind: 'rejected', reason: 'bad_token' });
    expect(verifyClaim(SECRET, ID, EXP, '', now)).toEqual({ kind: 'rejected', reason: 'bad_token' });
    expect(verifyClaim(SECRET, 'esc_other', EXP, token, EXP + 1)).toEqual({ kind: 'rejected', reason: 'bad_token' });
  });

  it('should not confuse where the id ends and the expiry begins', () => {
    // "a.1" + 23 and "a" + 1.23 would share a message if expiries could be fractional.
    const t = signClaim(SECRET, 'a.1', 23);
    expect(verifyClaim(SECRET, 'a', 1.23, t, 0)).toEqual({ kind: 'rejected', reason: 'bad_token' });
  });

  it('should reject everything with an empty secret', () => {
    const forged = createHmac('sha256', '').update(`${ID}.${EXP}`).digest('base64url');
    expect(verifyClaim('', ID, EXP, forged, EXP - 1)).toEqual({ kind: 'rejected', reason: 'bad_token' });
  });
});
