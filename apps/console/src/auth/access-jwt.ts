import { fromBase64Url, fromUtf8, utf8 } from './base64url.ts';

/** Cloudflare Access in front of the console: the team domain, the application's AUD tag, the certs URL. */
export type AccessConfig = { teamDomain: string; issuer: string; aud: string; certsUrl: string };

export type AccessResult = { ok: true; actor: string } | { ok: false; reason: string };

/** Access is on when both the team domain and the AUD tag are set. */
export function accessConfig(teamDomain: string, aud: string, certsUrl: string): AccessConfig | null {
  const domain = teamDomain.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  if (!domain || !aud) return null;
  return { teamDomain: domain, issuer: `https://${domain}`, aud, certsUrl: certsUrl || `https://${domain}/cdn-cgi/access/certs` };
}

type Jwks = { keys: Map<string, CryptoKey>; fetchedAt: number };

/** Keys rotate rarely (Access keeps the old one valid for a while): refetch every 10 minutes. */
const JWKS_TTL_MS = 10 * 60_000;
/** An unknown `kid` may mean a rotation: refetch, but not more often than this (forged kids cost nothing). */
const JWKS_MISS_REFETCH_MS = 30_000;

/** Per isolate, per certs URL. */
const jwksCache = new Map<string, Jwks>();
const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

async function fetchJwks(url: string, now: number): Promise<Jwks> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`certs ${url}: HTTP ${response.status}`);
  const body = (await response.json()) as { keys?: unknown };
  const keys = new Map<string, CryptoKey>();
  for (const jwk of Array.isArray(body.keys) ? body.keys : []) {
    const k = jwk as JsonWebKey & { kid?: unknown };
    if (typeof k.kid !== 'string' || k.kty !== 'RSA') continue;
    try {
      keys.set(k.kid, await crypto.subtle.importKey('jwk', { kty: 'RSA', n: k.n, e: k.e, alg: 'RS256', ext: true }, RS256, false, ['verify']));
    } catch {
      // A key we cannot use is skipped, the others still verify.
    }
  }
  return { keys, fetchedAt: now };
}

async function keyFor(config: AccessConfig, kid: string, now: number): Promise<CryptoKey | undefined> {
  let jwks = jwksCache.get(config.certsUrl);
  if (!jwks || now - jwks.fetchedAt > JWKS_TTL_MS || (!jwks.keys.has(kid) && now - jwks.fetchedAt > JWKS_MISS_REFETCH_MS)) {
    jwks = await fetchJwks(config.certsUrl, now);
    jwksCache.set(config.certsUrl, jwks);
  }
  return jwks.keys.get(kid);
}

function decodeJson(segment: string): Record<string, unknown> | null {
  const bytes = fromBase64Url(segment);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(fromUtf8(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Verify the `Cf-Access-Jwt-Assertion` header the way Cloudflare documents it: RS256 signature
 * against the team's certs (JWKS), `aud` contains the application's AUD tag, `iss` is the team
 * domain, not expired. The actor is the user's email (a service token has `common_name`).
 */
export async function verifyAccessJwt(token: string, config: AccessConfig, now: number): Promise<AccessResult> {
  const [h, p, s, extra] = token.split('.');
  if (!h || !p || !s || extra !== undefined) return { ok: false, reason: 'not a JWT' };
  const header = decodeJson(h);
  const payload = decodeJson(p);
  const signature = fromBase64Url(s);
  if (!header || !payload || !signature) return { ok: false, reason: 'malformed JWT' };
  if (header.alg !== 'RS256') return { ok: false, reason: `alg ${String(header.alg)} is not RS256` };
  if (typeof header.kid !== 'string') return { ok: false, reason: 'no kid' };
  let key: CryptoKey | undefined;
  try {
    key = await keyFor(config, header.kid, now);
  } catch (error) {
    return { ok: false, reason: `cannot fetch Access certs: ${(error as Error).message}` };
  }
  if (!key) return { ok: false, reason: `unknown kid ${header.kid}` };
  if (!(await crypto.subtle.verify(RS256, key, signature, utf8(`${h}.${p}`)))) return { ok: false, reason: 'bad signature' };
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(config.aud)) return { ok: false, reason: 'wrong aud' };
  if (payload.iss !== config.issuer) return { ok: false, reason: 'wrong iss' };
  const seconds = now / 1000;
  if (typeof payload.exp !== 'number' || payload.exp <= seconds) return { ok: false, reason: 'expired' };
  if (typeof payload.nbf === 'number' && payload.nbf > seconds + 60) return { ok: false, reason: 'not yet valid' };
  const actor = [payload.email, payload.common_name, payload.sub].find((x): x is string => typeof x === 'string' && x.length > 0);
  if (!actor) return { ok: false, reason: 'no email, common_name or sub' };
  return { ok: true, actor };
}
