import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';

/**
 * Every answer: a per-request script nonce (the only inline scripts that run are ours), no framing,
 * no referrer leaking shop ids, no caching of pages that show rules and buyer-related rows.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  const nonce = crypto.randomUUID().replace(/-/g, '');
  c.set('nonce', nonce);
  await next();
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  );
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
  c.header('Cache-Control', 'no-store');
};
