import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { signSession } from '../src/auth/session.ts';
import { auditRows, BEARER, call, login, migrate, postForm, stub } from './helpers.ts';

beforeAll(migrate);

describe('console auth: no credentials, bad ones', () => {
  it('should leave /health open', async () => {
    const response = await call('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, service: 'console' });
  });

  it('should send a browser without credentials to the login page, keeping where it was going', async () => {
    const response = await call('/rules?platform=jd', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/rules?platform=jd')}`);
  });

  it('should answer an API call without credentials with 401 JSON', async () => {
    const response = await call('/api/rules/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('should refuse a wrong bearer token with 401 JSON, even on a page', async () => {
    const response = await call('/', { headers: { authorization: 'Bearer not-the-token' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('should let the right bearer token in', async () => {
    const response = await call('/', { headers: BEARER });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('概览');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[0-9a-f]+'/);
  });
});

describe('console auth: the login page and its session cookie', () => {
  it('should refuse a wrong token on the login page and audit the attempt', async () => {
    const response = await postForm('/login', { token: 'guess', name: 'mallory', next: '/' });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('令牌不正确');
    expect(response.headers.get('set-cookie')).toBeNull();
    const failed = await auditRows('login.failed');
    expect(failed.at(-1)).toMatchObject({ actor: 'mallory', target: 'console', detail: { result: 'bad_token' } });
  });

  it('should set an HttpOnly, Secure, SameSite=Strict session cookie for 12 hours, and let it in', async () => {
    const response = await postForm('/login', { token: 'test-console-token', name: '小王', next: '/rules?platform=jd' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/rules?platform=jd');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kefu_session=[\w-]+\.[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Max-Age=43200/);
    const page = await call('/', { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="actor">小王<');
    expect((await auditRows('login')).at(-1)).toMatchObject({ actor: '小王', detail: { result: 'ok' } });
  });

  it('should never redirect off-site after login', async () => {
    const response = await postForm('/login', { token: 'test-console-token', next: '//evil.example/x' });
    expect(response.headers.get('location')).toBe('/');
  });

  it('should refuse forged, foreign-secret and expired cookies', async () => {
    const good = (await login()).split('=')[1] ?? '';
    const [payload, mac] = good.split('.');
    const forgedPayload = btoa(JSON.stringify({ a: 'admin', e: Date.now() + 3_600_000 })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const foreign = await signSession('another-secret', 'admin', Date.now());
    const expired = await signSession('test-session-secret', 'admin', Date.now() - 13 * 3_600_000);
    for (const value of [`${forgedPayload}.${mac}`, `${payload}.AAAA${mac?.slice(4)}`, foreign, expired, 'garbage', `${payload}`]) {
      const response = await call('/', { headers: { cookie: `kefu_session=${value}`, accept: 'text/html' } });
      expect(response.status, value).toBe(302);
    }
  });

  it('should refuse a cross-site write from a signed-in browser (CSRF), and accept the form token without Origin', async () => {
    const cookie = await login();
    const crossSite = await call('/rules/rollback', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'platform=jd&scope=global',
    });
    expect(crossSite.status).toBe(403);
    const noToken = await call('/rules/rollback', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'platform=jd&scope=global' });
    expect(noToken.status).toBe(403);
    // The token a page embeds: read it from a rendered form.
    const html = await (await call('/rules?platform=jd', { headers: { cookie } })).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(token).not.toBe('');
    const withToken = await call('/rules/rollback', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ platform: 'jd', scope: 'global', version: '1', _csrf: token }).toString(),
    });
    expect(withToken.status).toBe(303);
    expect(withToken.headers.get('location')).toMatch(/^\/rules\?platform=jd&flash=/);
  });
});

describe('console auth: Cloudflare Access JWT', () => {
  const KID = 'test-key-1';
  const ISS = `https://${env.ACCESS_TEAM_DOMAIN}`;
  let keys: CryptoKeyPair;
  let otherKeys: CryptoKeyPair;

  const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const segment = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));
  const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

  async function jwt(claims: Record<string, unknown>, options: { key?: CryptoKey; kid?: string; alg?: string } = {}): Promise<string> {
    const head = segment({ alg: options.alg ?? 'RS256', kid: options.kid ?? KID, typ: 'JWT' });
    const body = segment(claims);
    const signature = await crypto.subtle.sign(RS256, options.key ?? keys.privateKey, new TextEncoder().encode(`${head}.${body}`));
    return `${head}.${body}.${b64url(new Uint8Array(signature))}`;
  }

  const now = () => Math.floor(Date.now() / 1000);
  const valid = () => ({ aud: [env.ACCESS_AUD], iss: ISS, email: 'ops@shop.example', sub: 'u-1', iat: now(), exp: now() + 600, type: 'app' });
  const asAccess = (token: string) => call('/', { headers: { 'cf-access-jwt-assertion': token, accept: 'application/json' } });

  beforeAll(async () => {
    const generate = () => crypto.subtle.generateKey({ ...RS256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
    keys = await generate();
    otherKeys = await generate();
    const jwk = (await crypto.subtle.exportKey('jwk', keys.publicKey)) as JsonWebKey;
    // The shape https://<team>.cloudflareaccess.com/cdn-cgi/access/certs serves.
    await stub('/jwks', { keys: [{ kid: KID, kty: 'RSA', alg: 'RS256', use: 'sig', e: jwk.e, n: jwk.n }], public_cert: { kid: KID, cert: '' } });
  });

  it('should let in a valid Access JWT, as the email it names', async () => {
    const response = await call('/', { headers: { 'cf-access-jwt-assertion': await jwt(valid()) } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('data-testid="actor">ops@shop.example<');
  });

  it('should accept aud as a plain string and a service token without email', async () => {
    const { email: _email, ...service } = valid();
    const response = await asAccess(await jwt({ ...service, aud: env.ACCESS_AUD, common_name: 'ci.access' }));
    expect(response.status).toBe(200);
  });

  it('should refuse an expired token, a wrong aud, a wrong issuer, another key, an unknown kid, alg none', async () => {
    const cases: [string, Promise<string>][] = [
      ['expired', jwt({ ...valid(), exp: now() - 5 })],
      ['wrong aud', jwt({ ...valid(), aud: ['another-app'] })],
      ['wrong iss', jwt({ ...valid(), iss: 'https://evil.cloudflareaccess.com' })],
      ['another key', jwt(valid(), { key: otherKeys.privateKey })],
      ['unknown kid', jwt(valid(), { kid: 'nope', key: otherKeys.privateKey })],
      ['alg none', Promise.resolve(`${segment({ alg: 'none', kid: KID })}.${segment(valid())}.`)],
      ['not a jwt', Promise.resolve('abc')],
    ];
    for (const [name, token] of cases) {
      const response = await asAccess(await token);
      expect(response.status, name).toBe(401);
    }
  });

  it('should still redirect a browser with a bad Access JWT to the login page', async () => {
    const response = await call('/', { headers: { 'cf-access-jwt-assertion': await jwt({ ...valid(), exp: now() - 5 }), accept: 'text/html' } });
    expect(response.status).toBe(302);
  });

  it('should treat the Access header like a cookie: cross-site writes are refused', async () => {
    const response = await call('/rules/rollback', {
      method: 'POST',
      headers: { 'cf-access-jwt-assertion': await jwt(valid()), origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'platform=jd&scope=global',
    });
    expect(response.status).toBe(403);
  });
});
