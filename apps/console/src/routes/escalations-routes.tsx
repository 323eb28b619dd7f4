import type { Platform } from '@kefu/core';
import type { Hono } from 'hono';
import { z } from 'zod';
import { auditSafely } from '../audit/audit.ts';
import type { AppEnv } from '../env.ts';
import { BadInput, parseForm, parseQuery } from '../forms/bad-input.ts';
import { optionalPlatform, platformField, statusField } from '../forms/fields.ts';
import { EscalationsPage, type EscalationsModel } from '../pages/escalations-page.tsx';
import { deadLetters, escalations, platformClients, retryDeadLetter } from '../platforms/admin.ts';
import type { Failure } from '../platforms/client.ts';
import { configuredPlatforms, platformTargets } from '../platforms/targets.ts';
import { flashRow } from './flash.tsx';
import { clientIp, pageCtx } from './page-ctx.ts';

/** `GET /escalations?status=&platform=` across platforms, and `POST /dead-letters/:platform/:id/retry`. */
export function mountEscalations(app: Hono<AppEnv>): void {
  app.get('/escalations', async (c) => {
    const q = parseQuery(c, z.object({ status: statusField, platform: optionalPlatform }));
    const platforms = configuredPlatforms(platformTargets(c.env));
    const { clients } = platformClients(c.env);
    const shown: Platform[] = q.platform ? [q.platform] : platforms;
    const answers = await Promise.all(shown.map(async (p) => ({ p, e: await escalations(clients[p], q.status), d: await deadLetters(clients[p]) })));
    const failures: Failure[] = [];
    const model: EscalationsModel = { status: q.status, platform: q.platform, platforms, escalations: [], deadLetters: [], failures, flash: await flashRow(c) };
    for (const { p, e, d } of answers) {
      if (e.ok) model.escalations.push(...e.data.map((row) => ({ ...row, platform: row.platform || p })));
      else failures.push(e);
      // One message per unreachable platform is enough.
      if (d.ok) model.deadLetters.push(...d.data.map((row) => ({ ...row, source: p })));
      else if (e.ok || d.code !== e.code) failures.push(d);
    }
    model.escalations.sort((a, b) => b.openedAt - a.openedAt);
    model.deadLetters.sort((a, b) => b.at - a.at);
    return c.html(<EscalationsPage ctx={await pageCtx(c)} m={model} />);
  });

  app.post('/dead-letters/:platform/:id/retry', async (c) => {
    const params = z.object({ platform: platformField, id: z.string().min(1).max(200) }).safeParse(c.req.param());
    if (!params.success) throw new BadInput(params.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    const { platform, id } = params.data;
    const form = await parseForm(c, z.object({ status: statusField }).loose());
    const auth = c.get('auth');
    const outcome = await retryDeadLetter(platformClients(c.env).clients[platform], id);
    const row = await auditSafely(c.env.DB, {
      actor: auth.actor,
      action: 'dead_letter.retry',
      target: `${platform}:dead_letter:${id}`,
      detail: { platform, id, ...(outcome.ok ? { result: 'ok', requeued: outcome.data.requeued, retryCount: outcome.data.retryCount ?? null } : { result: outcome.code, status: outcome.status, error: outcome.message }) },
      ip: clientIp(c),
    });
    const q = new URLSearchParams({ status: form.status, ...(row ? { flash: row } : {}) });
    return c.redirect(`/escalations?${q.toString()}`, 303);
  });
}
