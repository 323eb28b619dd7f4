import type { Platform } from '@kefu/core';
import type { FC } from 'hono/jsx';
import type { Failure } from '../platforms/client.ts';
import { platformName } from '../platforms/client.ts';
import { rulesKey, type Scope } from '../platforms/contract.ts';
import { Notice, PlatformError, scriptJson } from './components.tsx';
import { VerdictView, type PlatformVerdict } from './check-view.tsx';
import { DiffView, type DiffPayload } from './diff-view.tsx';
import { EDITOR_ISLAND } from './editor-island.ts';
import { CsrfField, Layout, T, type PageCtx } from './layout.tsx';
import { SCOPE_LABEL } from './rules-page.tsx';

/** What the editor knows about one target platform: the active version it will publish over. */
export type EditorTarget = { platform: Platform; active: number | null | undefined; legacy: boolean; failure: Failure | null };

export type EditorModel = {
  scope: Scope;
  /** The platform whose layer is loaded and diffed against (for global: one of the targets). */
  platform: Platform;
  shop: string | undefined;
  targets: EditorTarget[];
  text: string;
  against: number | null;
  diff: DiffPayload | null;
  loadFailure: Failure | null;
};

/** Debounce of the live check: long enough not to call the workers on every keystroke. */
export const CHECK_DEBOUNCE_MS = 500;

export const EditorPage: FC<{ ctx: PageCtx; model: EditorModel; message?: string; notice?: string; results?: PlatformVerdict[] }> = ({ ctx, model, message, notice, results }) => {
  const { scope, platform, shop, targets } = model;
  const key = rulesKey(scope, platform, shop);
  const config = { scope, platform, shop: shop ?? null, against: model.against, csrf: ctx.csrf, debounceMs: CHECK_DEBOUNCE_MS };
  const back = `/rules?${new URLSearchParams({ platform, ...(shop ? { shop } : {}) }).toString()}`;
  return (
    <Layout ctx={ctx} title="编辑规则">
      <h1>
        编辑{SCOPE_LABEL[scope]}层<small class="en">edit the {scope} layer</small> <code>{key}</code>
      </h1>
      <p>
        <a href={back}>← 返回规则 back to rules</a>
      </p>
      {notice ? <Notice kind="error" testId="publish-error">{notice}</Notice> : null}
      {model.loadFailure ? <PlatformError failure={model.loadFailure} /> : null}
      {targets
        .filter((t) => t.failure && t.platform !== platform)
        .map((t) => (t.failure ? <PlatformError failure={t.failure} /> : null))}
      {targets.some((t) => t.legacy) ? (
        <Notice kind="warn">
          {targets.filter((t) => t.legacy).map((t) => t.platform).join(', ')} 上的这一层是手写的旧格式文档（legacy，无版本），控制台读不到它的内容；发布后它会被 v1 取代。
        </Notice>
      ) : null}
      {results ? (
        <section class="card" data-testid="publish-results">
          <h2>发布结果 publish results</h2>
          {results.map((r) => (
            <VerdictView verdict={r} />
          ))}
        </section>
      ) : null}
      <div class="split">
        <form method="post" action="/rules/publish" data-testid="publish-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="scope" value={scope} />
          <input type="hidden" name="platform" value={platform} />
          {shop ? <input type="hidden" name="shop" value={shop} /> : null}
          {targets.map((t) => (t.active === undefined ? null : <input type="hidden" name={`expect_${t.platform}`} value={t.active === null ? 'none' : String(t.active)} />))}
          <label>
            层文档 JSON<small class="en">layer document — only the keys this layer overrides</small>
            <textarea name="document" class="code" spellcheck={false} data-testid="rules-editor">
              {model.text}
            </textarea>
          </label>
          <p>
            <label>
              发布说明<small class="en">message (required, in the history)</small>
              <input type="text" name="message" required maxlength={500} value={message ?? ''} style="width:100%" data-testid="publish-message" />
            </label>
          </p>
          <p class="muted" style="font-size:12px">
            发布到 publish to:{' '}
            {targets.map((t) => (
              <span class="badge" data-platform={t.platform}>
                {platformName(t.platform)} {t.active === undefined ? '（版本未知，将跳过 unknown: skipped）' : t.active === null ? '（新 new）' : `（覆盖 over v${t.active}）`}
              </span>
            ))}
            <br />
            若有人在你编辑期间发布了新版本，发布会被拒绝（expectActive），不会覆盖他人的修改。
          </p>
          <button type="submit" class="primary" data-testid="publish-button">
            发布 publish
          </button>
        </form>
        <div>
          <section class="card">
            <h2>
              <T zh="校验与检查" en="Validation & lint" />
            </h2>
            <div data-testid="validation-panel" data-state="checking">
              <p class="muted">检查中… checking…</p>
            </div>
          </section>
          <section class="card">
            <h2>
              <T zh="改动" en="Diff against the active version" />
            </h2>
            <DiffView diff={model.diff} />
          </section>
        </div>
      </div>
      <script type="application/json" id="editor-config" dangerouslySetInnerHTML={{ __html: scriptJson(config) }} />
      <script nonce={ctx.nonce} dangerouslySetInnerHTML={{ __html: EDITOR_ISLAND }} />
    </Layout>
  );
};

export const PublishedPage: FC<{ ctx: PageCtx; rows: { platform: Platform; result: string; version: number | null; sha256: string | null; unchanged: boolean; error: string | null; verdict: PlatformVerdict | null }[]; back: string; key: string }> = ({ ctx, rows, back, key }) => (
  <Layout ctx={ctx} title="发布结果">
    <h1>
      发布结果<small class="en">publish results</small> <code>{key}</code>
    </h1>
    <table data-testid="publish-results">
      <thead>
        <tr>
          <th>平台 platform</th>
          <th>结果 result</th>
          <th>版本 version</th>
          <th>sha256</th>
          <th>详情 detail</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr data-platform={r.platform} data-result={r.result}>
            <td>{platformName(r.platform)}</td>
            <td>
              <span class={`badge ${r.result === 'ok' || r.result === 'unchanged' ? 'ok' : 'bad'}`}>{r.result === 'ok' ? '已发布 published' : r.result === 'unchanged' ? '无变化 unchanged' : r.result}</span>
            </td>
            <td>{r.version === null ? '—' : `v${r.version}`}</td>
            <td>{r.sha256 ? <code title={r.sha256}>{r.sha256.slice(0, 10)}</code> : '—'}</td>
            <td>
              {r.error ? <div class="notice error">{r.error}</div> : null}
              {r.verdict ? <VerdictView verdict={r.verdict} /> : null}
              <a href={`/rules?platform=${r.platform}`}>规则 →</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <p>
      <a href={back}>← 返回规则 back to rules</a>
    </p>
  </Layout>
);
