import { hmacBase64, safeEqual } from '@kefu/wire';

/** Why a claim link was refused. */
export type ClaimVerification =
  /** Made with our secret for this escalation and expiry, and not yet expired. */
  | { kind: 'ok' }
  /** `expired`: a genuine link past its time; `bad_token`: forged, tampered with, or for another escalation. */
  | { kind: 'rejected'; reason: 'expired' | 'bad_token' };

function base64url(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The token of a claim link (认领链接): base64url(HMAC-SHA256(secret, `${escalationId}.${expiresAt}`)).
 * `expiresAt` (epoch ms) is an integer, so the last `.` splits the message unambiguously.
 * Throws on an empty secret or a fractional expiry: both are programming mistakes, and an
 * unforgeable link matters more than one notice.
 *
 * @example `${base}/claim/${id}?exp=${exp}&token=${signClaim(env.CLAIM_SECRET, id, exp)}`
 */
export function signClaim(secret: string, escalationId: string, expiresAt: number): string {
  if (secret === '') throw new RangeError('signClaim needs a secret');
  if (!Number.isSafeInteger(expiresAt)) throw new RangeError(`expiresAt must be an integer epoch ms, got ${expiresAt}`);
  return base64url(hmacBase64('sha256', secret, `${escalationId}.${expiresAt}`));
}

/**
 * Checks a claim link at `now` (epoch ms), in constant time. The token is checked before the
 * expiry, so only genuine links are ever told `expired`.
 */
export function verifyClaim(secret: string, escalationId: string, expiresAt: number, token: string, now: number): ClaimVerification {
  if (secret === '' || !Number.isSafeInteger(expiresAt)) return { kind: 'rejected', reason: 'bad_token' };
  if (!safeEqual(token, signClaim(secret, escalationId, expiresAt))) return { kind: 'rejected', reason: 'bad_token' };
  if (now >= expiresAt) return { kind: 'rejected', reason: 'expired' };
  return { kind: 'ok' };
}
