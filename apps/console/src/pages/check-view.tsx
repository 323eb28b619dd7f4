import type { Platform } from '@kefu/core';
import type { FC } from 'hono/jsx';
import type { LintView, RulesErrorView } from '../platforms/contract.ts';
import { platformName } from '../platforms/client.ts';

/** One platform's verdict on a layer: check (live) or push (publish). */
export type PlatformVerdict = { platform: Platform; ok: boolean; errors: RulesErrorView[]; lint: LintView[]; error?: string };

export const Findings: FC<{ errors: RulesErrorView[]; lint: LintView[] }> = ({ errors, lint }) => (
  <>
    {errors.length > 0 ? (
      <>
        <div>校验错误 errors（{errors.length}）</div>
        <ul class="findings" data-testid="rules-errors">
          {errors.map((e) => (
            <li>
              <code>{e.path}</code> {e.message}
            </li>
          ))}
        </ul>
      </>
    ) : null}
    {lint.length > 0 ? (
      <>
        <div>检查建议 lint（{lint.length}）</div>
        <ul class="findings" data-testid="lint-findings">
          {lint.map((f) => (
            <li>
              <span class={`badge ${f.level === 'error' ? 'bad' : 'warn'}`}>{f.level}</span> <code>{f.path}</code> {f.code}: {f.message}
            </li>
          ))}
        </ul>
      </>
    ) : null}
  </>
);

export const VerdictView: FC<{ verdict: PlatformVerdict }> = ({ verdict }) => (
  <div class="result" data-platform={verdict.platform}>
    <h3>
      {platformName(verdict.platform)}{' '}
      {verdict.error ? <span class="badge bad">不可用 unavailable</span> : verdict.ok ? <span class="badge ok">可发布 ok</span> : <span class="badge bad">不可发布 invalid</span>}
    </h3>
    {verdict.error ? <div class="notice error">{verdict.error}</div> : <Findings errors={verdict.errors} lint={verdict.lint} />}
  </div>
);
