import type { Hono } from 'hono';
import type { RuntimeEnv } from '../env.ts';
import { HttpError } from './http-error.ts';
import { authorize } from './inspect.ts';

/** Per inbound event: is it in the conversation log, what was decided, and how its sends ended. */
export type EventTrace = { logged: boolean; actions: number; delivered: number; dead: number; pending: number };

/**
 * Token-guarded accounting for the reliability suite and the console:
 *   GET  /__kefu/stats            totals: log rows, actions by kind, deliveries by status, dead letters
 *   POST /__kefu/events {ids}     per event id (≤ 500): logged? actions, delivered / dead / pending sends
 */
export function mountStats<E extends RuntimeEnv & object>(app: Hono<{ Bindings: E }>): void {
  app.get('/__kefu/stats', async (c) => {
    const env = c.env as E;
    authorize(env, c.req.header('authorization'));
    const rows = async (sql: string) => (await env.DB.prepare(sql).all<{ k: string; n: number }>()).results;
    const [events, actions, deliveries, dead] = await Promise.all([
      rows('SELECT kind AS k, COUNT(*) AS n FROM conversation_log GROUP BY kind'),
      rows('SELECT kind AS k, COUNT(*) AS n FROM action_log GROUP BY kind'),
      rows('SELECT status AS k, COUNT(*) AS n FROM deliveries GROUP BY status'),
      rows('SELECT kind AS k, COUNT(*) AS n FROM dead_letters GROUP BY kind'),
    ]);
    const table = (r: { k: string; n: number }[]) => Object.fromEntries(r.map((x) => [x.k, x.n]));
    return c.json({ events: table(events), actions: table(actions), deliveries: table(deliveries), deadLetters: table(dead) });
  });

  app.post('/__kefu/events', async (c) => {
    const env = c.env as E;
    authorize(env, c.req.header('authorization'));
    const body = (await c.req.json().catch(() => null)) as { ids?: unknown } | null;
    const ids = body?.ids;
    if (!Array.isArray(ids) || ids.length > 500 || !ids.every((x): x is string => typeof x === 'string')) throw new HttpError(400, 'bad_request', 'body must be {"ids": [up to 500 event ids]}');
    const out: Record<string, EventTrace> = {};
    for (const id of ids) {
      const logged = (await env.DB.prepare('SELECT 1 AS x FROM conversation_log WHERE event_id = ?').bind(id).first()) !== null;
      const acts = (await env.DB.prepare('SELECT action_id, kind, reason_code FROM action_log WHERE event_id = ?').bind(id).all<{ action_id: string; kind: string; reason_code: string }>()).results;
      const outward = acts.filter((a) => (a.kind === 'reply' || a.kind === 'escalate') && a.reason_code !== 'send.budget').map((a) => a.action_id);
      const statuses = outward.length === 0 ? [] : (await env.DB.prepare(`SELECT status FROM deliveries WHERE id IN (${outward.map(() => '?').join(',')})`).bind(...outward).all<{ status: string }>()).results;
      const delivered = statuses.filter((s) => s.status === 'sent').length;
      const dead = statuses.filter((s) => s.status === 'dead').length;
      out[id] = { logged, actions: acts.length, delivered, dead, pending: outward.length - delivered - dead };
    }
    return c.json(out);
  });
}
