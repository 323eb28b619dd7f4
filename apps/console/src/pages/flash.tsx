import type { FC } from 'hono/jsx';
import type { AuditRow } from '../audit/audit.ts';
import { Notice } from './components.tsx';

const WHAT: Record<string, string> = { 'rules.rollback': '回滚', 'rules.publish': '发布', 'dead_letter.retry': '死信重试' };

/** The outcome of the write just made, read back from its audit row. */
export const Flash: FC<{ row: AuditRow | null }> = ({ row }) => {
  if (!row) return null;
  const d = row.detail;
  const ok = d.result === 'ok' || d.result === 'unchanged';
  const what = WHAT[row.action] ?? row.action;
  return (
    <Notice kind={ok ? 'ok' : 'error'} testId="flash">
      {what} <code>{row.target}</code>：{ok ? '成功' : '失败'}
      {typeof d.version === 'number' ? `，当前版本 v${d.version}` : ''}
      {typeof d.from === 'number' ? `（原 v${d.from}）` : ''}
      {typeof d.error === 'string' ? `：${d.error}` : ''}
    </Notice>
  );
};
