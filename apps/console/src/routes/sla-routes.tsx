import type { Platform } from '@kefu/core';
import type { Hono } from 'hono';
import { z } from 'zod';
import { chartSvg } from '../chart/svg-chart.ts';
import type { AppEnv } from '../env.ts';
import { parseQuery } from '../forms/bad-input.ts';
import { optionalPlatform, optionalShop } from '../forms/fields.ts';
import { DEFAULT_TZ } from '../pages/components.tsx';
import { SlaPage, type SlaModel } from '../pages/sla-page.tsx';
import { ESCALATIONS_MAX, escalations, platformClients, rulesView, sla } from '../platforms/admin.ts';
import type { Failure } from '../platforms/client.ts';
import { ESCALATION_STATUSES, type RulesView } from '../platforms/contract.ts';
import { configuredPlatforms, platformTargets } from '../platforms/targets.ts';
import { isTimeZone, lastDays, zonedDay } from '../tester/zoned-time.ts';
import { pageCtx } from './page-ctx.ts';

const slaQuery = z.object({ platform: optionalPlatform, shop: optionalShop, days: z.coerce.number().int().min(1).max(62).catch(14) });

/** The shop's time zone and its platform's SLA target, read loosely from the resolved rules. */
function rulesFacts(view: RulesView, platform: Platform): { timeZone: string; replyWithinSeconds: number | null } {
  if (view.resolved.kind !== 'ok') return { timeZone: DEFAULT_TZ, replyWithinSeconds: null };
  const doc = view.resolved.document as { shop?: { timezone?: unknown }; sla?: Record<string, { replyWithinSeconds?: unknown } | undefined> };
  const tz = doc.shop?.timezone;
  const within = doc.sla?.[platform]?.replyWithinSeconds;
  return { timeZone: typeof tz === 'string' && isTimeZone(tz) ? tz : DEFAULT_TZ, replyWithinSeconds: typeof within === 'number' ? within : null };
}

/** `GET /sla?platform=&shop=&days=14`: per-day charts, drawn server-side as SVG. */
export function mountSla(app: Hono<AppEnv>): void {
  app.get('/sla', async (c) => {
    const q = parseQuery(c, slaQuery);
    const platforms = configuredPlatforms(platformTargets(c.env));
    const platform = q.platform ?? platforms[0];
    const model: SlaModel = { platforms, platform, shop: q.shop, days: q.days, timeZone: DEFAULT_TZ, replyWithinSeconds: null, charts: null, table: [], failures: [] };
    const ctx = await pageCtx(c);
    if (!platform || !q.shop) return c.html(<SlaPage ctx={ctx} m={model} />);
    const client = platformClients(c.env).clients[platform];
    const shop = q.shop;
    const [figures, view, ...lists] = await Promise.all([sla(client, shop, q.days), rulesView(client, shop), ...ESCALATION_STATUSES.map((s) => escalations(client, s, { shop, limit: ESCALATIONS_MAX }))]);
    if (!figures.ok) model.failures.push(figures);
    if (view.ok) Object.assign(model, rulesFacts(view.data, platform));
    const failedList = lists.find((l) => !l.ok);
    if (failedList && !failedList.ok && (figures.ok || failedList.code !== figures.code)) model.failures.push(failedList as Failure);
    if (!figures.ok && failedList) return c.html(<SlaPage ctx={ctx} m={model} />);

    const days = lastDays(Date.now(), q.days, model.timeZone);
    const byDay = new Map((figures.ok ? figures.data.days : []).map((d) => [d.day, d]));
    const opened = new Map<string, number>();
    if (!failedList) for (const l of lists) if (l.ok) for (const e of l.data) opened.set(zonedDay(e.openedAt, model.timeZone), (opened.get(zonedDay(e.openedAt, model.timeZone)) ?? 0) + 1);
    const labels = days.map((d) => d.slice(5));
    model.table = days.map((day) => ({ day, sla: byDay.get(day), escalations: failedList ? null : (opened.get(day) ?? 0) }));
    model.charts = {
      rate: chartSvg({
        title: `人工回复达标率 within-SLA rate${model.replyWithinSeconds === null ? '' : ` (≤ ${model.replyWithinSeconds} s)`}`,
        categories: labels,
        series: [{ name: '达标率', kind: 'bar', values: days.map((d) => byDay.get(d)?.withinSlaRate ?? null), color: '#16a34a' }],
        yMax: 1,
        yFormat: (v) => `${Math.round(v * 100)}%`,
        testId: 'sla-chart-rate',
      }),
      response: chartSvg({
        title: '平均首次人工响应 avg first human response',
        categories: labels,
        series: [{ name: '秒 s', kind: 'line', values: days.map((d) => byDay.get(d)?.avgFirstResponseSeconds ?? null), color: '#2563eb' }],
        yFormat: (v) => `${Math.round(v)} s`,
        testId: 'sla-chart-response',
      }),
      escalations: chartSvg({
        title: '升级 escalations opened',
        categories: labels,
        series: [{ name: '升级数', kind: 'bar', values: days.map((d) => (failedList ? null : (opened.get(d) ?? 0))), color: '#f97316' }],
        integer: true,
        testId: 'sla-chart-escalations',
      }),
    };
    return c.html(<SlaPage ctx={ctx} m={model} />);
  });
}
