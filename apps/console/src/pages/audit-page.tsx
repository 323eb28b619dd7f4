import type { FC } from 'hono/jsx';
import type { AuditRow } from '../audit/audit.ts';
import { Time } from './components.tsx';
import { Layout, T, type PageCtx } from './layout.tsx';

const ACTIONS: Record<string, string> = {
  'rules.publish': '发布规则',
  'rules.rollback': '回滚规则',
  'dead_letter.retry': '重试死信',
  login: '登录',
  'login.failed': '登录失败',
};

/** `ok` / `unchanged` / `conflict` / `invalid` / `unreachable`…, with version and sha when there are. */
export const AuditResult: FC<{ row: AuditRow }> = ({ row }) => {
  const d = row.detail;
  const result = typeof d.result === 'string' ? d.result : '';
  const good = result === 'ok' || result === 'unchanged';
  return (
    <span>
      <span class={`badge ${good ? 'ok' : 'bad'}`}>{result || '?'}</span>
      {typeof d.version === 'number' ? <> v{d.version}</> : null}
      {typeof d.sha256 === 'string' && d.sha256 ? <code title={d.sha256}> {d.sha256.slice(0, 10)}</code> : null}
      {typeof d.error === 'string' ? <div class="muted" style="font-size:12px">{d.error}</div> : null}
    </span>
  );
};

export const AuditTable: FC<{ rows: AuditRow[] }> = ({ rows }) =>
  rows.length === 0 ? (
    <p class="muted">暂无记录 (nothing yet)</p>
  ) : (
    <table data-testid="audit-table">
      <thead>
        <tr>
          <th>时间 at</th>
          <th>操作人 actor</th>
          <th>操作 action</th>
          <th>对象 target</th>
          <th>结果 result</th>
          <th>说明 message</th>
          <th>IP</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr data-audit-id={r.id}>
            <td>
              <Time ms={r.at} />
            </td>
            <td>{r.actor}</td>
            <td>
              {ACTIONS[r.action] ?? r.action}
              <small class="en">{r.action}</small>
            </td>
            <td>
              <code>{r.target}</code>
            </td>
            <td>
              <AuditResult row={r} />
            </td>
            <td>{typeof r.detail.message === 'string' ? r.detail.message : ''}</td>
            <td class="muted">{r.ip ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

export const AuditPage: FC<{ ctx: PageCtx; rows: AuditRow[] }> = ({ ctx, rows }) => (
  <Layout ctx={ctx} title="审计">
    <h1>
      <T zh="审计记录" en="Audit log" />
    </h1>
    <p class="muted">控制台的每一次写操作（发布、回滚、死信重试、登录），无论成功与否。</p>
    <AuditTable rows={rows} />
  </Layout>
);
