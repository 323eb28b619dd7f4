import type { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { accessConfig } from '../auth/access-jwt.ts';
import { safeEqual } from '../auth/constant-time.ts';
import { sameOrigin } from '../auth/csrf.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, signSession } from '../auth/session.ts';
import { auditSafely } from '../audit/audit.ts';
import { setting, type AppEnv } from '../env.ts';
import { parseForm } from '../forms/bad-input.ts';
import { errorPage } from '../pages/error-page.tsx';
import { LoginPage } from '../pages/login-page.tsx';
import { clientIp, pageCtx } from './page-ctx.ts';

/** Only our own paths: `next` must not send a signed-in user to another site. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

const loginForm = z.object({
  token: z.string().max(512).default(''),
  name: z.string().trim().max(64).default(''),
  next: z.string().max(2048).optional(),
});

/** The actor a session records: the name given, else "console". Never markup or control characters. */
const actorName = (name: string) => name.replace(/[\p{Cc}<>"'`]/gu, '').trim().slice(0, 64) || 'console';

/** `GET/POST /login`, `POST /logout` (public: mounted before requireAuth). */
export function mountSession(app: Hono<AppEnv>): void {
  const accessOn = (c: { env: AppEnv['Bindings'] }) => accessConfig(setting(c.env, 'ACCESS_TEAM_DOMAIN'), setting(c.env, 'ACCESS_AUD'), setting(c.env, 'ACCESS_CERTS_URL')) !== null;

  app.get('/login', async (c) => c.html(<LoginPage ctx={await pageCtx(c)} next={safeNext(c.req.query('next'))} accessOn={accessOn(c)} />));

  app.post('/login', async (c) => {
    // Login CSRF: a foreign page must not sign a browser in as someone else.
    if (c.req.header('origin') !== undefined && !(await sameOrigin(c, null))) return errorPage(c, 403, '请求被拒绝', ['cross-site login refused']);
    const form = await parseForm(c, loginForm);
    const next = safeNext(form.next);
    const ctx = await pageCtx(c);
    const token = setting(c.env, 'CONSOLE_TOKEN');
    const secret = setting(c.env, 'SESSION_SECRET');
    if (!token || !secret) {
      return c.html(<LoginPage ctx={ctx} next={next} accessOn={accessOn(c)} error="控制台未配置 CONSOLE_TOKEN 或 SESSION_SECRET（wrangler secret put），无法用令牌登录。" />, 503);
    }
    const actor = actorName(form.name);
    if (!(await safeEqual(form.token, token))) {
      await auditSafely(c.env.DB, { actor, action: 'login.failed', target: 'console', detail: { result: 'bad_token' }, ip: clientIp(c) });
      return c.html(<LoginPage ctx={ctx} next={next} name={form.name} accessOn={accessOn(c)} error="令牌不正确。" />, 401);
    }
    setCookie(c, SESSION_COOKIE, await signSession(secret, actor, Date.now()), {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
    await auditSafely(c.env.DB, { actor, action: 'login', target: 'console', detail: { result: 'ok' }, ip: clientIp(c) });
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    if (c.req.header('origin') !== undefined && !(await sameOrigin(c, null))) return errorPage(c, 403, '请求被拒绝', ['cross-site logout refused']);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
    return c.redirect('/login', 303);
  });
}
