import type { FC } from 'hono/jsx';
import { preview, summarize, type DiffEntry } from '@kefu/rules-store';

/** A diff entry as the page and the island show it: values already shortened. */
export type DiffLine = { op: DiffEntry['op']; path: string; before?: string; after?: string; note?: string };

/** How many entries are shown at most (a rewrite of the whole layer is summarised, not listed). */
export const DIFF_LINES_MAX = 300;

export function diffLines(entries: readonly DiffEntry[]): DiffLine[] {
  return entries.slice(0, DIFF_LINES_MAX).map((e) => ({
    op: e.op,
    path: e.path,
    ...('before' in e ? { before: preview(e.before) } : {}),
    ...('after' in e ? { after: preview(e.after) } : {}),
    ...(e.op === 'changed' && e.note ? { note: e.note } : {}),
  }));
}

export type DiffPayload = { against: number | null; counts: Record<DiffEntry['op'], number>; lines: DiffLine[]; truncated: boolean } | { error: string };

export function diffPayload(against: number | null, entries: readonly DiffEntry[]): DiffPayload {
  return { against, counts: summarize(entries), lines: diffLines(entries), truncated: entries.length > DIFF_LINES_MAX };
}

const SIGN: Record<DiffEntry['op'], string> = { added: '+', removed: '−', changed: '~' };

/** Server-rendered diff (the island re-renders the same markup as the text changes). */
export const DiffView: FC<{ diff: DiffPayload | null }> = ({ diff }) => (
  <div data-testid="diff-panel" class="diff">
    {diff === null ? (
      <p class="muted">检查中… checking…</p>
    ) : 'error' in diff ? (
      <div class="notice error">{diff.error}</div>
    ) : (
      <>
        <p data-testid="diff-summary">
          对比 {diff.against === null ? '空文档 (no active version)' : `当前版本 v${diff.against}`}：
          <span class="diff-added">+{diff.counts.added}</span> <span class="diff-removed">−{diff.counts.removed}</span> <span class="diff-changed">~{diff.counts.changed}</span>
          {diff.lines.length === 0 ? <span class="muted"> 无改动 no changes</span> : null}
        </p>
        <ul class="findings">
          {diff.lines.map((l) => (
            <li class={`diff-${l.op}`} data-op={l.op}>
              {SIGN[l.op]} <code>{l.path}</code>
              {l.op === 'added' ? <> = {l.after}</> : l.op === 'removed' ? <> (was {l.before})</> : <>{l.note === 'order' ? ' 顺序 order' : ''}: {l.before} → {l.after}</>}
            </li>
          ))}
        </ul>
        {diff.truncated ? <p class="muted">（只显示前 {DIFF_LINES_MAX} 项）</p> : null}
      </>
    )}
  </div>
);
