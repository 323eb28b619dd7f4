import { PLATFORMS } from '@kefu/core';
import type { Hono } from 'hono';
import { recentAudit } from '../audit/audit.ts';
import type { AppEnv } from '../env.ts';
import { OverviewPage, type PlatformStatus } from '../pages/overview-page.tsx';
import { ESCALATIONS_MAX, escalations, health, platformClients, rulesView } from '../platforms/admin.ts';
import { pageCtx } from './page-ctx.ts';

/** How many open escalations the overview counts at most per platform (the route's own maximum). */
export const OPEN_LIMIT = ESCALATIONS_MAX;

/** `GET /`: every platform at a glance. */
export function mountOverview(app: Hono<AppEnv>): void {
  app.get('/', async (c) => {
    const { clients, configError } = platformClients(c.env);
    const statuses: PlatformStatus[] = await Promise.all(
      PLATFORMS.map(async (platform): Promise<PlatformStatus> => {
        const client = clients[platform];
        if (!client.configured) return { platform, configured: false, where: client.where, health: null, rules: null, open: null };
        const [h, rules, open] = await Promise.all([health(client), rulesView(client), escalations(client, 'open', { limit: OPEN_LIMIT })]);
        return { platform, configured: true, where: client.where, health: h, rules, open };
      }),
    );
    const audit = await recentAudit(c.env.DB, 10).catch(() => []);
    return c.html(<OverviewPage ctx={await pageCtx(c)} statuses={statuses} configError={configError} audit={audit} openLimit={OPEN_LIMIT} />);
  });
}
