import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Ack, InboundRoute, PlatformAdapter, WebhookRequest } from '../adapter/adapter.ts';
import type { RuntimeEnv } from '../env.ts';
import { consumeDeadLetters, consumeOutbox } from '../outbound/consumer.ts';
import type { OutboundJob } from '../outbound/job.ts';
import { dispatch } from './dispatch.ts';
import { HttpError } from './http-error.ts';
import { mountInspect } from './inspect.ts';
import { mountStats } from './inspect-stats.ts';
import { mountEscalationAdmin } from './inspect-escalations.ts';
import { mountClaimRoutes } from './claim-routes.ts';
import { mountRulesAdmin } from './rules-admin.ts';

const DEFAULT_MAX_BODY = 1024 * 1024;

export type WorkerOptions<E extends object> = {
  /** Cron work (Taobao's TMC pull). */
  scheduled?: (controller: ScheduledController, env: E, ctx: ExecutionContext) => Promise<void>;
  /** Extra routes an app needs beside its webhook (kept rare: an app is its wire format). */
  routes?: (app: Hono<{ Bindings: E & object }>) => void;
};

/**
 * The worker for one platform: its inbound routes, the outbox queue consumer and its dead-letter
 * consumer, and cron.
 * The ack never waits on a send: sends go through the queue.
 */
export function defineWorker<E extends RuntimeEnv & object>(adapter: PlatformAdapter<E>, options: WorkerOptions<E> = {}): ExportedHandler<E, OutboundJob> {
  const app = new Hono<{ Bindings: E & object }>();

  app.get('/health', (c) => c.json({ ok: true, platform: adapter.platform }));
  for (const route of adapter.inbound) mountInbound(app, adapter.platform, route);
  mountInspect(app, adapter.platform);
  mountRulesAdmin(app, adapter.platform);
  mountStats(app);
  mountEscalationAdmin(app, adapter.platform);
  mountClaimRoutes(app);
  options.routes?.(app);
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` } }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ error: { ...error.details, code: error.code, message: error.message } }, error.status);
    console.error(`${adapter.platform}: unhandled error`, error);
    return c.json({ error: { code: 'internal', message: 'internal error; the platform may retry' } }, 500);
  });

  return {
    fetch: app.fetch,
    async queue(batch, env) {
      if (batch.queue.endsWith('-dlq')) await consumeDeadLetters(batch, env);
      else await consumeOutbox(batch, env, adapter);
    },
    ...(options.scheduled ? { scheduled: options.scheduled } : {}),
  };
}

/** A webhook route: verify → parse → durably record in the conversations → the platform's ack. */
function mountInbound<E extends RuntimeEnv & object>(app: Hono<{ Bindings: E }>, platform: string, route: InboundRoute<E>): void {
  const maxSize = route.maxBodyBytes ?? DEFAULT_MAX_BODY;
  app.get(route.path, async (c) => {
    if (!route.handshake) throw new HttpError(405, 'method_not_allowed', `${platform} posts to ${route.path}`);
    const answer = await route.handshake(await webhookRequest(c), c.env as E);
    if ('kind' in answer) throw new HttpError(401, 'bad_signature', answer.kind === 'rejected' ? answer.reason : 'handshake not accepted');
    return respond(answer);
  });
  app.post(
    route.path,
    bodyLimit({ maxSize, onError: () => { throw new HttpError(413, 'body_too_large', `body larger than ${maxSize} bytes`); } }),
    async (c) => {
      const request = await webhookRequest(c);
      const verdict = await route.verify(request, c.env as E);
      if (verdict.kind === 'rejected') {
        console.warn(`${platform} ${route.path}: rejected: ${verdict.reason}`);
        throw new HttpError(401, 'bad_signature', verdict.reason);
      }
      const inbound = await route.parse(request, c.env as E);
      if (inbound.kind === 'malformed') throw new HttpError(400, 'malformed_body', inbound.reason);
      if (inbound.kind === 'events') await dispatch(c.env as E, inbound.envelopes);
      if (inbound.kind === 'deferred') {
        const env = c.env as E;
        c.executionCtx.waitUntil(inbound.fetch().then((envelopes) => dispatch(env, envelopes)).catch((error: unknown) => console.error(`${platform} ${route.path}: deferred fetch failed`, error)));
      }
      return respond(inbound.ack);
    },
  );
}

async function webhookRequest(c: Context): Promise<WebhookRequest> {
  return { method: c.req.method, url: new URL(c.req.url), headers: c.req.raw.headers, body: await c.req.text() };
}

function respond(ack: Ack): Response {
  const headers = new Headers(ack.headers);
  if (ack.json !== undefined) {
    headers.set('content-type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify(ack.json), { status: ack.status ?? 200, headers });
  }
  if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
  return new Response(ack.text ?? '', { status: ack.status ?? 200, headers });
}
