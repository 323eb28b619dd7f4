import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { setting, type AppEnv, type Auth } from '../env.ts';
import { accessConfig, verifyAccessJwt } from './access-jwt.ts';
import { safeEqual } from './constant-time.ts';
import { readSession, SESSION_COOKIE } from './session.ts';

/** Who is asking, by the first proof that holds: Access JWT, bearer CONSOLE_TOKEN, session cookie. */
export async function identify(c: Context<AppEnv>, now = Date.now()): Promise<Auth | null> {
  const env = c.env;
  const access = accessConfig(setting(env, 'ACCESS_TEAM_DOMAIN'), setting(env, 'ACCESS_AUD'), setting(env, 'ACCESS_CERTS_URL'));
  const assertion = c.req.header('cf-access-jwt-assertion');
  if (access && assertion) {
    const verdict = await verifyAccessJwt(assertion, access, now);
    if (verdict.ok) return { actor: verdict.actor, via: 'access' };
    console.warn(`console: Access JWT rejected: ${verdict.reason}`);
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
  const token = setting(env, 'CONSOLE_TOKEN');
  if (bearer && token && (await safeEqual(bearer, token))) return { actor: 'token', via: 'bearer' };
  const session = await readSession(setting(env, 'SESSION_SECRET'), getCookie(c, SESSION_COOKIE), now);
  if (session) return { actor: session.actor, via: 'session' };
  return null;
}

/** API callers (and anyone who presented a bearer) get JSON; browsers asking for a page get the login page. */
export function wantsJson(c: Context): boolean {
  if (c.req.path.startsWith('/api/') || c.req.header('authorization')) return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Everything but /login and /health needs a signed-in request. */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = await identify(c);
  if (auth) {
    c.set('auth', auth);
    return next();
  }
  if (wantsJson(c)) {
    c.header('WWW-Authenticate', 'Bearer realm="kefu-console"');
    return c.json({ error: 'unauthorized', message: 'sign in: Cloudflare Access, Authorization: Bearer <CONSOLE_TOKEN>, or the login page' }, 401);
  }
  const url = new URL(c.req.url);
  const next_ = c.req.method === 'GET' ? url.pathname + url.search : '/';
  return c.redirect(`/login?next=${encodeURIComponent(next_)}`, c.req.method === 'GET' ? 302 : 303);
};
