import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env.ts';
import { parseQuery } from '../forms/bad-input.ts';
import { optionalPlatform, optionalShop } from '../forms/fields.ts';
import { DEFAULT_TZ } from '../pages/components.tsx';
import { TesterPage, type TesterForm } from '../pages/tester-page.tsx';
import { platformClients, rulesView } from '../platforms/admin.ts';
import { configuredPlatforms, platformTargets } from '../platforms/targets.ts';
import { runTester } from '../tester/run-tester.ts';
import { toZonedLocal } from '../tester/zoned-time.ts';
import { pageCtx } from './page-ctx.ts';

const testerQuery = z.object({
  platform: optionalPlatform,
  shop: optionalShop,
  time: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'time: YYYY-MM-DDTHH:mm').optional()),
  buyer: z.enum(['first', 'returning']).default('first'),
  text: z.string().max(2000).default(''),
});

/**
 * `GET /tester`: a read-only question, so a GET form (shareable URL, no CSRF token): fetch the
 * shop's resolved rules from its platform worker and run the engine here with the chosen time.
 */
export function mountTester(app: Hono<AppEnv>): void {
  app.get('/tester', async (c) => {
    const q = parseQuery(c, testerQuery);
    const platforms = configuredPlatforms(platformTargets(c.env));
    const platform = q.platform ?? platforms[0];
    const now = Date.now();
    const form: TesterForm = { platform, shop: q.shop ?? '', time: q.time ?? toZonedLocal(now, DEFAULT_TZ), returning: q.buyer === 'returning', text: q.text };
    const ctx = await pageCtx(c);
    const render = (extra: Partial<Parameters<typeof TesterPage>[0]> = {}, status: 200 | 400 = 200) => c.html(<TesterPage ctx={ctx} platforms={platforms} form={form} {...extra} />, status);
    if (!platform || !q.shop || !q.text.trim()) return render();
    const view = await rulesView(platformClients(c.env).clients[platform], q.shop);
    if (!view.ok) return render({ failure: view });
    if (view.data.resolved.kind === 'invalid') return render({ invalid: view.data.resolved.errors });
    const outcome = runTester(view.data.resolved.document, { platform, shopId: q.shop, localTime: q.time, now, returning: q.buyer === 'returning', text: q.text });
    if (outcome.kind === 'invalid') return render({ invalid: outcome.errors });
    if (outcome.kind === 'bad_time') return render({ problem: outcome.message }, 400);
    form.time = toZonedLocal(outcome.report.at, outcome.report.timeZone);
    return render({ report: outcome.report });
  });
}
