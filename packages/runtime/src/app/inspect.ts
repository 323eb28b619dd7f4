import type { Platform } from '@kefu/core';
import { safeEqual } from '@kefu/wire';
import type { Hono } from 'hono';
import type { RuntimeEnv } from '../env.ts';
import { conversationKey } from './dispatch.ts';
import { HttpError } from './http-error.ts';
import { refreshSlaDaily } from '../log/sla-log.ts';
import { loadRules } from '../rules/kv-rules.ts';

/**
 * `GET /__kefu/conversation?shop=&buyer=`: what the bot decided in one conversation and why (the
 * actions with their reasons, and the deliveries), for `cs simulate` and the console. Off unless
 * the INSPECT_TOKEN secret is set; then it needs `Authorization: Bearer <INSPECT_TOKEN>`.
 */
export function mountInspect<E extends RuntimeEnv & object>(app: Hono<{ Bindings: E }>, platform: Platform): void {
  app.get('/__kefu/conversation', async (c) => {
    const env = c.env as E;
    authorize(env, c.req.header('authorization'));
    const shop = c.req.query('shop');
    const buyer = c.req.query('buyer');
    if (!shop || !buyer) throw new HttpError(400, 'bad_request', 'shop and buyer are required');
    const stub = env.CONVERSATION.get(env.CONVERSATION.idFromName(conversationKey(platform, shop, buyer)));
    const actions = await stub.actions();
    const ids = actions.map((a) => a.id);
    const deliveries = ids.length === 0 ? [] : (await env.DB.prepare(`SELECT id, status, attempts, last_error FROM deliveries WHERE id IN (${ids.map(() => '?').join(',')})`).bind(...ids).all()).results;
    return c.json({ platform, shop, buyer, actions, deliveries, pendingJobs: await stub.pendingJobs() });
  });

  // `GET /__kefu/sla?shop=&days=7`: a shop's human-response figures per day, computed the platform's way now.
  app.get('/__kefu/sla', async (c) => {
    const env = c.env as E;
    authorize(env, c.req.header('authorization'));
    const shop = c.req.query('shop');
    if (!shop) throw new HttpError(400, 'bad_request', 'shop is required');
    const days = Math.min(Math.max(Number(c.req.query('days') ?? 7) || 7, 1), 62);
    const rules = await loadRules(env.RULES, platform, shop);
    if (rules.kind === 'unavailable') throw new HttpError(503, 'no_rules', 'no valid rules for this shop');
    const now = Date.now();
    const figures = await refreshSlaDaily(env.DB, platform, shop, rules.engine.rules.sla, rules.engine.rules.shop.timezone, now - days * 86_400_000, now);
    return c.json({ platform, shop, days: figures });
  });
}

/** The inspection routes are off without INSPECT_TOKEN, and need it as a bearer token when on. */
export function authorize(env: RuntimeEnv, header: string | undefined): void {
  const token = env.INSPECT_TOKEN;
  if (!token) throw new HttpError(404, 'not_found', 'inspection is off (no INSPECT_TOKEN)');
  if (!safeEqual((header ?? '').replace(/^Bearer\s+/i, ''), token)) throw new HttpError(401, 'unauthorized', 'bad inspection token');
}
