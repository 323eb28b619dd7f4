import type { Platform } from '@kefu/core';
import type { FC } from 'hono/jsx';
import type { AuditRow } from '../audit/audit.ts';
import type { Outcome } from '../platforms/client.ts';
import { rulesKey, type LayerView, type RulesView, type Scope, type VersionsView } from '../platforms/contract.ts';
import { Notice, PlatformError, PlatformSelect, Sha, Time } from './components.tsx';
import { Flash } from './flash.tsx';
import { CsrfField, Layout, T, type PageCtx } from './layout.tsx';

export const SCOPE_LABEL: Record<Scope, string> = { global: '全局', platform: '平台', shop: '店铺' };

export type RulesPageProps = {
  ctx: PageCtx;
  platforms: Platform[];
  platform: Platform | null;
  shop: string | undefined;
  view: Outcome<RulesView> | null;
  histories: Partial<Record<Scope, Outcome<VersionsView>>>;
  flash: AuditRow | null;
};

function editHref(scope: Scope, platform: Platform, shop: string | undefined): string {
  const q = new URLSearchParams({ scope, platform });
  if (scope === 'shop' && shop) q.set('shop', shop);
  return `/rules/edit?${q.toString()}`;
}

const RollbackForm: FC<{ ctx: PageCtx; platform: Platform; scope: Scope; shop: string | undefined; version?: number; active: number; label: string }> = ({ ctx, platform, scope, shop, version, active, label }) => (
  <form method="post" action="/rules/rollback" class="inline" data-testid={`rollback-${scope}${version === undefined ? '' : `-${version}`}`}>
    <CsrfField ctx={ctx} />
    <input type="hidden" name="platform" value={platform} />
    <input type="hidden" name="scope" value={scope} />
    {/* The shop rides along for every scope: the redirect comes back to the same view. */}
    {shop ? <input type="hidden" name="shop" value={shop} /> : null}
    {version === undefined ? null : <input type="hidden" name="version" value={String(version)} />}
    <input type="hidden" name="expect" value={String(active)} />
    <button type="submit" class="danger">
      {label}
    </button>
  </form>
);

const LayerCard: FC<{ ctx: PageCtx; platform: Platform; shop: string | undefined; scope: Scope; layer: LayerView | undefined; history: Outcome<VersionsView> | undefined }> = ({ ctx, platform, shop, scope, layer, history }) => {
  const active = history?.ok ? history.data.active : (layer?.active?.version ?? null);
  // "Previous" is the active version's parent; a first version has none to go back to.
  const previous = history?.ok ? (history.data.versions.find((v) => v.version === active)?.parent ?? null) : null;
  return (
    <section class="card" data-testid={`layer-${scope}`}>
      <h3>
        {SCOPE_LABEL[scope]}层<small class="en">{scope} layer</small> <code>{layer?.key ?? rulesKey(scope, platform, shop)}</code>{' '}
        {layer?.legacy ? <span class="badge warn">legacy（手写旧格式，无版本）</span> : null}
        {active === null ? <span class="badge">无 none</span> : <span class="badge ok" data-testid={`active-${scope}`}>当前 v{active}</span>}
        {scope === 'global' ? <small class="en">（回滚只作用于 {platform} 的副本 / rollback affects this platform only）</small> : null}
      </h3>
      <div class="actions">
        <a href={editHref(scope, platform, shop)} data-testid={`edit-${scope}`}>
          编辑 edit →
        </a>
        {active !== null && previous !== null ? <RollbackForm ctx={ctx} platform={platform} scope={scope} shop={shop} active={active} label={`回滚到上一版 v${previous} rollback to previous`} /> : null}
      </div>
      {history && !history.ok ? <PlatformError failure={history} /> : null}
      {history?.ok && history.data.versions.length > 0 ? (
        <details open={scope !== 'global'}>
          <summary>历史版本 history（{history.data.versions.length}）</summary>
          <table data-testid={`history-${scope}`}>
            <thead>
              <tr>
                <th>版本</th>
                <th>sha256</th>
                <th>发布时间 published</th>
                <th>作者 author</th>
                <th>说明 message</th>
                <th>大小 bytes</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {history.data.versions.map((v) => (
                <tr data-version={v.version}>
                  <td>
                    v{v.version} {v.version === history.data.active ? <span class="badge ok">当前 active</span> : null}
                  </td>
                  <td>
                    <Sha sha={v.sha256} />
                  </td>
                  <td>
                    <Time ms={v.publishedAt} />
                  </td>
                  <td>{v.author}</td>
                  <td>{v.message}</td>
                  <td class="num">{v.bytes ?? ''}</td>
                  <td>{v.version === history.data.active || history.data.active === null ? null : <RollbackForm ctx={ctx} platform={platform} scope={scope} shop={shop} version={v.version} active={history.data.active} label={`回滚到 v${v.version}`} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
};

export const RulesPage: FC<RulesPageProps> = ({ ctx, platforms, platform, shop, view, histories, flash }) => {
  const scopes: Scope[] = shop ? ['global', 'platform', 'shop'] : ['global', 'platform'];
  return (
    <Layout ctx={ctx} title="规则">
      <h1>
        <T zh="规则层" en="Rules layers" />
      </h1>
      <Flash row={flash} />
      <form method="get" action="/rules" class="bar" data-testid="rules-filter">
        <label>
          平台 platform
          <PlatformSelect value={platform ?? undefined} platforms={platforms} />
        </label>
        <label>
          店铺 shop
          <input type="text" name="shop" value={shop ?? ''} placeholder="shop id（可选）" />
        </label>
        <button type="submit">查看 view</button>
      </form>
      {platform === null ? <Notice kind="warn">没有配置任何平台 worker（PLATFORM_URLS 或 PLATFORM_* 服务绑定）。</Notice> : null}
      {view && !view.ok ? <PlatformError failure={view} /> : null}
      {platform !== null && view?.ok
        ? scopes.map((scope) => <LayerCard ctx={ctx} platform={platform} shop={shop} scope={scope} layer={view.data.layers.find((l) => l.scope === scope)} history={histories[scope]} />)
        : null}
      {view?.ok ? (
        <section class="card" data-testid="resolved">
          <h3>
            合并结果<small class="en">resolved{shop ? ` for shop ${shop}` : ' (no shop layer)'}</small>{' '}
            {view.data.resolved.kind === 'ok' ? <span class="badge ok">有效 valid</span> : <span class="badge bad">无效 invalid</span>}
            {view.data.serving ? <small class="en">serving: {view.data.serving.kind}{view.data.serving.key ? ` (${view.data.serving.key})` : ''}</small> : null}
          </h3>
          {view.data.resolved.kind === 'invalid' ? (
            <Notice kind="error">
              <ul class="findings">
                {view.data.resolved.errors.map((e) => (
                  <li>
                    <code>{e.path}</code> {e.message}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : (
            <details>
              <summary>展开合并后的规则文档 show the resolved document</summary>
              <pre data-testid="resolved-document">{JSON.stringify(view.data.resolved.document, null, 2)}</pre>
            </details>
          )}
        </section>
      ) : null}
    </Layout>
  );
};
