import type { Platform } from '@kefu/core';
import type { Child, FC } from 'hono/jsx';
import type { Failure } from '../platforms/client.ts';
import { platformName } from '../platforms/client.ts';
import { formatZoned } from '../tester/zoned-time.ts';

/** Times in tables are shown in China time unless a shop's own zone applies. */
export const DEFAULT_TZ = 'Asia/Shanghai';

export const Notice: FC<{ kind: 'error' | 'ok' | 'warn' | 'info'; testId?: string; children?: Child }> = ({ kind, testId, children }) => (
  <div class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
    {children}
  </div>
);

/** A platform worker could not answer: the reason, never a crash. */
export const PlatformError: FC<{ failure: Failure }> = ({ failure }) => (
  <Notice kind="error" testId="platform-error">
    {failure.message}
  </Notice>
);

export const Time: FC<{ ms: number | null | undefined; tz?: string }> = ({ ms, tz }) =>
  ms === null || ms === undefined || !Number.isFinite(ms) || ms <= 0 ? <span class="muted">—</span> : <time datetime={new Date(ms).toISOString()}>{formatZoned(ms, tz ?? DEFAULT_TZ)}</time>;

export const PlatformLabel: FC<{ platform: Platform }> = ({ platform }) => <span>{platformName(platform)}</span>;

export const PlatformSelect: FC<{ name?: string; value: string | undefined; platforms: readonly Platform[]; any?: boolean }> = ({ name, value, platforms, any }) => (
  <select name={name ?? 'platform'}>
    {any ? <option value="">全部 all</option> : null}
    {platforms.map((p) => (
      <option value={p} selected={p === value}>
        {platformName(p)}
      </option>
    ))}
  </select>
);

/** `sha256` shortened the way git shortens commits. */
export const Sha: FC<{ sha: string | undefined }> = ({ sha }) => (sha ? <code title={sha}>{sha.slice(0, 10)}</code> : <span class="muted">—</span>);

/** Escape JSON for a `<script type="application/json">` block: `<` can never close the tag. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
