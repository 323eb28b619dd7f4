import type { Platform } from '@kefu/core';
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Failure } from '../platforms/client.ts';
import type { SlaDay } from '../platforms/contract.ts';
import { Notice, PlatformError, PlatformSelect } from './components.tsx';
import { Layout, T, type PageCtx } from './layout.tsx';

export type SlaModel = {
  platforms: Platform[];
  platform: Platform | undefined;
  shop: string | undefined;
  days: number;
  timeZone: string;
  /** Target from the rules (`sla.<platform>.replyWithinSeconds`), when known. */
  replyWithinSeconds: number | null;
  charts: { rate: string; response: string; escalations: string } | null;
  table: { day: string; sla: SlaDay | undefined; escalations: number | null }[];
  failures: Failure[];
};

export const SlaPage: FC<{ ctx: PageCtx; m: SlaModel }> = ({ ctx, m }) => (
  <Layout ctx={ctx} title="SLA">
    <h1>
      <T zh="人工回复 SLA" en="Human response, per day" />
    </h1>
    <form method="get" action="/sla" class="bar" data-testid="sla-form">
      <label>
        平台 platform
        <PlatformSelect value={m.platform} platforms={m.platforms} />
      </label>
      <label>
        店铺 shop
        <input type="text" name="shop" value={m.shop ?? ''} required placeholder="shop id" />
      </label>
      <label>
        天数 days
        <input type="number" name="days" value={String(m.days)} min={1} max={62} style="width:80px" />
      </label>
      <button type="submit">查看 view</button>
    </form>
    {!m.shop ? <Notice kind="info">选择平台并填写店铺 id 查看图表。</Notice> : null}
    {m.failures.map((f) => (
      <PlatformError failure={f} />
    ))}
    {m.charts ? (
      <section data-testid="sla-charts">
        <p class="muted">
          按店铺时区 {m.timeZone} 分日。{m.replyWithinSeconds !== null ? `达标 = 人工在 ${m.replyWithinSeconds} 秒内首次回复（平台口径）。` : ''}
        </p>
        {raw(m.charts.rate)}
        {raw(m.charts.response)}
        {raw(m.charts.escalations)}
        <details>
          <summary>数据表 table</summary>
          <table data-testid="sla-table">
            <thead>
              <tr>
                <th>日期 day</th>
                <th class="num">计分轮次 rounds</th>
                <th class="num">达标 within</th>
                <th class="num">达标率 rate</th>
                <th class="num">平均首次响应 avg (s)</th>
                <th class="num">未回复 unanswered</th>
                <th class="num">进行中 open</th>
                <th class="num">升级 escalations</th>
              </tr>
            </thead>
            <tbody>
              {m.table.map((r) => (
                <tr>
                  <td>{r.day}</td>
                  <td class="num">{r.sla?.rounds ?? '—'}</td>
                  <td class="num">{r.sla?.withinSla ?? '—'}</td>
                  <td class="num">{r.sla?.withinSlaRate === null || r.sla === undefined ? '—' : `${Math.round(r.sla.withinSlaRate * 1000) / 10}%`}</td>
                  <td class="num">{r.sla?.avgFirstResponseSeconds == null ? '—' : Math.round(r.sla.avgFirstResponseSeconds)}</td>
                  <td class="num">{r.sla?.unanswered ?? '—'}</td>
                  <td class="num">{r.sla?.open ?? '—'}</td>
                  <td class="num">{r.escalations ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
    ) : null}
  </Layout>
);
