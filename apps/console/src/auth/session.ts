import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './base64url.ts';

/** The cookie the login page sets: `<payload>.<HMAC>`, payload = base64url JSON `{a: actor, e: expiry ms}`. */
export const SESSION_COOKIE = 'kefu_session';

/** A session lasts one working day; then the token is asked for again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type Session = { actor: string; expiresAt: number };

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** Sign a session for `actor`. Needs a non-empty SESSION_SECRET (HMAC keys cannot be empty). */
export async function signSession(secret: string, actor: string, now: number): Promise<string> {
  if (!secret) throw new Error('SESSION_SECRET is not set');
  const payload = toBase64Url(utf8(JSON.stringify({ a: actor, e: now + SESSION_TTL_MS })));
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), utf8(payload));
  return `${payload}.${toBase64Url(new Uint8Array(mac))}`;
}

/** The session a cookie value proves, or null: unsigned, forged, malformed or expired. */
export async function readSession(secret: string, value: string | undefined, now: number): Promise<Session | null> {
  if (!secret || !value) return null;
  const [payload, mac, extra] = value.split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const signature = fromBase64Url(mac);
  if (!signature) return null;
  // subtle.verify compares in constant time.
  if (!(await crypto.subtle.verify('HMAC', await hmacKey(secret), signature, utf8(payload)))) return null;
  const bytes = fromBase64Url(payload);
  if (!bytes) return null;
  try {
    const parsed = JSON.parse(fromUtf8(bytes)) as { a?: unknown; e?: unknown };
    if (typeof parsed.a !== 'string' || typeof parsed.e !== 'number' || parsed.e <= now) return null;
    return { actor: parsed.a, expiresAt: parsed.e };
  } catch {
    return null;
  }
}

/**
 * The CSRF token forms carry when the browser sends no Origin header: an HMAC of the actor, so
 * another site cannot compute it. Null without a SESSION_SECRET (then only Origin is accepted).
 */
export async function csrfToken(secret: string, actor: string): Promise<string | null> {
  if (!secret) return null;
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), utf8(`csrf:${actor}`));
  return toBase64Url(new Uint8Array(mac));
}
