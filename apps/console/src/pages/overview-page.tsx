import type { Platform } from '@kefu/core';
import type { FC } from 'hono/jsx';
import type { AuditRow } from '../audit/audit.ts';
import type { Outcome } from '../platforms/client.ts';
import type { EscalationRow, LayerView, RulesView } from '../platforms/contract.ts';
import { AuditTable } from './audit-page.tsx';
import { Notice, PlatformLabel, Time } from './components.tsx';
import { Layout, T, type PageCtx } from './layout.tsx';

export type PlatformStatus = {
  platform: Platform;
  configured: boolean;
  where: string;
  health: Outcome<{ ok: boolean }> | null;
  rules: Outcome<RulesView> | null;
  open: Outcome<EscalationRow[]> | null;
};

const LayerVersion: FC<{ layer: LayerView | undefined }> = ({ layer }) => {
  if (!layer) return <span class="muted">无 none</span>;
  if (layer.legacy) return <span class="badge warn" title="手写的旧格式文档 (legacy, no pointer)">legacy</span>;
  if (!layer.active) return <span class="muted">无 none</span>;
  return (
    <span title={layer.active.message ?? ''}>
      <strong>v{layer.active.version}</strong> <span class="muted">{layer.active.author ?? ''}</span> <Time ms={layer.active.publishedAt} />
    </span>
  );
};

const Reachability: FC<{ s: PlatformStatus }> = ({ s }) => {
  if (!s.configured) return <span class="badge">未配置 not configured</span>;
  if (s.rules?.ok) return <span class="badge ok">可达 reachable</span>;
  if (s.health?.ok) return <span class="badge warn">在线，管理接口不可用 up, admin refused</span>;
  return <span class="badge bad">不可达 unreachable</span>;
};

export const OverviewPage: FC<{ ctx: PageCtx; statuses: PlatformStatus[]; configError: string | null; audit: AuditRow[]; openLimit: number }> = ({ ctx, statuses, configError, audit, openLimit }) => (
  <Layout ctx={ctx} title="概览">
    <h1>
      <T zh="概览" en="Overview" />
    </h1>
    {configError ? <Notice kind="error" testId="config-error">{configError}</Notice> : null}
    <table data-testid="overview">
      <thead>
        <tr>
          <th>平台 platform</th>
          <th>状态 status</th>
          <th>全局规则 global</th>
          <th>平台规则 platform</th>
          <th class="num">未处理升级 open escalations</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {statuses.map((s) => {
          const layers = s.rules?.ok ? s.rules.data.layers : [];
          const problem = !s.configured ? null : !s.rules?.ok ? s.rules : !s.open?.ok ? s.open : null;
          return (
            <tr data-platform={s.platform} data-testid={`overview-${s.platform}`}>
              <td>
                <PlatformLabel platform={s.platform} />
                <div class="muted" style="font-size:11px">{s.where}</div>
              </td>
              <td>
                <Reachability s={s} />
                {problem && !problem.ok ? <div class="muted" style="font-size:12px;max-width:320px">{problem.message}</div> : null}
              </td>
              <td>{s.rules?.ok ? <LayerVersion layer={layers.find((l) => l.scope === 'global')} /> : <span class="muted">—</span>}</td>
              <td>{s.rules?.ok ? <LayerVersion layer={layers.find((l) => l.scope === 'platform')} /> : <span class="muted">—</span>}</td>
              <td class="num">
                {s.open?.ok ? (
                  <a href={`/escalations?status=open&platform=${s.platform}`}>{s.open.data.length >= openLimit ? `≥${openLimit}` : s.open.data.length}</a>
                ) : (
                  <span class="muted">—</span>
                )}
              </td>
              <td>{s.configured ? <a href={`/rules?platform=${s.platform}`}>规则 →</a> : null}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
    <h2>
      <T zh="最近操作" en="Recent changes" />
    </h2>
    <AuditTable rows={audit} />
    <p>
      <a href="/audit">全部审计记录 →</a>
    </p>
  </Layout>
);
