import type { Hono } from 'hono';
import { z } from 'zod';
import { recentAudit } from '../audit/audit.ts';
import type { AppEnv } from '../env.ts';
import { parseQuery } from '../forms/bad-input.ts';
import { AuditPage } from '../pages/audit-page.tsx';
import { pageCtx } from './page-ctx.ts';

/** `GET /audit?limit=200`: the latest writes. */
export function mountAudit(app: Hono<AppEnv>): void {
  app.get('/audit', async (c) => {
    const { limit } = parseQuery(c, z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }));
    return c.html(<AuditPage ctx={await pageCtx(c)} rows={await recentAudit(c.env.DB, limit)} />);
  });
}
