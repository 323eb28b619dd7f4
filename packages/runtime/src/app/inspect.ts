import type { Platform } from '@kefu/core';
import { safeEqual } from '@kefu/wire';
import type { Hono } from 'hono';
import type { RuntimeEnv } from '../env.ts';
import { conversationKey } from './dispatch.ts';
import { HttpError } from './http-error.ts';

/**
 * `GET /__kefu/conversation?shop=&buyer=`: what the bot decided in one conversation and why (the
 * actions with their reasons, and the deliveries), for `cs simulate` and the console. Off unless
 * the INSPECT_TOKEN secret is set; then it needs `Authorization: Bearer <INSPECT_TOKEN>`.
 */
export function mountInspect<E extends RuntimeEnv & object>(app: Hono<{ Bindings: E }>, platform: Platform): void {
  app.get('/__kefu/conversation', async (c) => {
    const env = c.env as E;
    const token = env.INSPECT_TOKEN;
    if (!token) throw new HttpError(404, 'not_found', 'inspection is off (no INSPECT_TOKEN)');
    const given = (c.req.header('authorization') ?? '').replace(/^Bearer\s+/i, '');
    if (!safeEqual(given, token)) throw new HttpError(401, 'unauthorized', 'bad inspection token');
    const shop = c.req.query('shop');
    const buyer = c.req.query('buyer');
    if (!shop || !buyer) throw new HttpError(400, 'bad_request', 'shop and buyer are required');
    const stub = env.CONVERSATION.get(env.CONVERSATION.idFromName(conversationKey(platform, shop, buyer)));
    const actions = await stub.actions();
    const ids = actions.map((a) => a.id);
    const deliveries = ids.length === 0 ? [] : (await env.DB.prepare(`SELECT id, status, attempts, last_error FROM deliveries WHERE id IN (${ids.map(() => '?').join(',')})`).bind(...ids).all()).results;
    return c.json({ platform, shop, buyer, actions, deliveries, pendingJobs: await stub.pendingJobs() });
  });
}
