import type { Context } from 'hono';
import { csrfToken } from '../auth/session.ts';
import { setting, type AppEnv } from '../env.ts';
import type { PageCtx } from '../pages/layout.tsx';

/** The per-request facts every page renders with. */
export async function pageCtx(c: Context<AppEnv>): Promise<PageCtx> {
  const auth = c.get('auth') ?? null;
  const csrf = auth ? await csrfToken(setting(c.env, 'SESSION_SECRET'), auth.actor) : null;
  return { auth, csrf, nonce: c.get('nonce') ?? '', path: c.req.path };
}

/** The client address Cloudflare saw, for the audit log. */
export const clientIp = (c: Context) => c.req.header('cf-connecting-ip') ?? null;
