import type { Context, MiddlewareHandler } from 'hono';
import { setting, type AppEnv } from '../env.ts';
import { errorPage } from '../pages/error-page.tsx';
import { safeEqual } from './constant-time.ts';
import { csrfToken } from './session.ts';

/** The form field (and header) that carries the CSRF token. */
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Is this write from our own pages? Browsers send `Origin` on every POST: it must be ours. Without
 * one (old browsers, privacy proxies) the form's token must match. A bearer request carries its
 * credential explicitly — no browser attaches it on its own — so it needs neither.
 */
export async function sameOrigin(c: Context<AppEnv>, actor: string | null): Promise<boolean> {
  if (c.req.header('sec-fetch-site') === 'cross-site') return false;
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === new URL(c.req.url).origin;
  if (actor === null) return false;
  const expected = await csrfToken(setting(c.env, 'SESSION_SECRET'), actor);
  if (!expected) return false;
  let given = c.req.header('x-csrf-token');
  const type = c.req.header('content-type') ?? '';
  if (!given && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))) {
    // Hono caches the parsed body: the route handler reads the same form again.
    const value = (await c.req.parseBody())[CSRF_FIELD];
    given = typeof value === 'string' ? value : undefined;
  }
  return given !== undefined && (await safeEqual(given, expected));
}

/** After requireAuth: writes must pass `sameOrigin` unless authenticated by bearer. */
export const requireSameOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const auth = c.get('auth');
  if (auth.via === 'bearer' || (await sameOrigin(c, auth.actor))) return next();
  const message = 'cross-site request refused (CSRF): reload the page and submit again';
  if (c.req.path.startsWith('/api/')) return c.json({ error: 'csrf', message }, 403);
  return errorPage(c, 403, '请求被拒绝', [message]);
};
