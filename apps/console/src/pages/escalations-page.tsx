import type { Platform } from '@kefu/core';
import type { FC } from 'hono/jsx';
import type { AuditRow } from '../audit/audit.ts';
import type { Failure } from '../platforms/client.ts';
import { platformName } from '../platforms/client.ts';
import { ESCALATION_STATUSES, type DeadLetterRow, type EscalationRow, type EscalationStatus } from '../platforms/contract.ts';
import { PlatformError, PlatformSelect, Time } from './components.tsx';
import { Flash } from './flash.tsx';
import { CsrfField, Layout, T, type PageCtx } from './layout.tsx';

const STATUS: Record<EscalationStatus, string> = { open: '未处理 open', claimed: '已认领 claimed', closed: '已关闭 closed' };
const SEVERITY: Record<string, string> = { critical: 'bad', high: 'warn', normal: '' };
const STATE: Record<string, string> = { dead: '未送达 dead', requeued: '重试中 requeued', delivered: '已送达 delivered' };

/** Buyer ids are shortened as in the team notices: enough to find the conversation, no more. */
const shortBuyer = (id: string) => (id.length > 10 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id);

export type EscalationsModel = {
  status: EscalationStatus;
  platform: Platform | undefined;
  platforms: Platform[];
  escalations: (EscalationRow & { platform: string })[];
  deadLetters: (DeadLetterRow & { source: Platform })[];
  failures: Failure[];
  flash: AuditRow | null;
};

export const EscalationsPage: FC<{ ctx: PageCtx; m: EscalationsModel }> = ({ ctx, m }) => (
  <Layout ctx={ctx} title="升级与死信">
    <h1>
      <T zh="升级与死信" en="Escalations & dead letters" />
    </h1>
    <Flash row={m.flash} />
    <form method="get" action="/escalations" class="bar">
      <label>
        状态 status
        <select name="status">
          {ESCALATION_STATUSES.map((s) => (
            <option value={s} selected={s === m.status}>
              {STATUS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        平台 platform
        <PlatformSelect value={m.platform} platforms={m.platforms} any />
      </label>
      <button type="submit">查看 view</button>
    </form>
    {m.failures.map((f) => (
      <PlatformError failure={f} />
    ))}
    <h2>
      升级 <small class="en">{m.status} escalations ({m.escalations.length})</small>
    </h2>
    {m.escalations.length === 0 ? (
      <p class="muted">没有{STATUS[m.status]}的升级 none</p>
    ) : (
      <table data-testid="escalations">
        <thead>
          <tr>
            <th>开始 opened</th>
            <th>平台 / 店铺</th>
            <th>买家 buyer</th>
            <th>严重度 severity</th>
            <th>标题 title</th>
            <th>截止 deadline</th>
            <th>认领 claimed by</th>
            <th class="num">更新 updates</th>
          </tr>
        </thead>
        <tbody>
          {m.escalations.map((e) => (
            <tr data-escalation={e.id}>
              <td>
                <Time ms={e.openedAt} />
              </td>
              <td>
                {e.platform} / {e.shop}
              </td>
              <td>
                <code title={e.buyer}>{shortBuyer(e.buyer)}</code>
              </td>
              <td>
                <span class={`badge ${SEVERITY[e.severity] ?? ''}`}>{e.severity}</span>
              </td>
              <td>{e.title}</td>
              <td>
                <Time ms={e.deadline} />
              </td>
              <td>{e.claimedBy ?? ''}</td>
              <td class="num">{e.updates}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <h2>
      死信 <small class="en">dead letters ({m.deadLetters.length}): sends and notices that failed every retry, or were refused</small>
    </h2>
    {m.deadLetters.length === 0 ? (
      <p class="muted">没有死信 none</p>
    ) : (
      <table data-testid="dead-letters">
        <thead>
          <tr>
            <th>时间 at</th>
            <th>平台 / 店铺</th>
            <th>类型 kind</th>
            <th>原因 reason</th>
            <th>内容 preview</th>
            <th>状态 state</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {m.deadLetters.map((d) => (
            <tr data-dead-letter={d.id}>
              <td>
                <Time ms={d.at} />
              </td>
              <td>
                {platformName(d.source)} / {d.shop ?? '—'}
                {d.buyer ? <div class="muted">{shortBuyer(d.buyer)}</div> : null}
              </td>
              <td>{d.kind}</td>
              <td>{d.reason}</td>
              <td>
                <code class="muted">{d.id}</code>
                {d.preview ? <div>{d.preview}</div> : null}
              </td>
              <td>
                <span class={`badge ${d.state === 'delivered' ? 'ok' : d.state === 'requeued' ? 'warn' : 'bad'}`}>{STATE[d.state ?? 'dead'] ?? d.state}</span>
                {d.retryCount ? <div class="muted">重试 {d.retryCount} 次</div> : null}
                {d.retriedAt ? (
                  <div class="muted">
                    <Time ms={d.retriedAt} />
                  </div>
                ) : null}
              </td>
              <td>
                {d.retryable === false || (d.state !== undefined && d.state !== 'dead') ? (
                  d.notRetryable ? <span class="muted">{d.notRetryable}</span> : null
                ) : (
                  <form method="post" action={`/dead-letters/${d.source}/${encodeURIComponent(d.id)}/retry`} class="inline">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="status" value={m.status} />
                    <button type="submit" data-testid="retry-dead-letter">
                      重试 retry
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </Layout>
);
