import type { Platform } from '@kefu/core';
import type { Hono } from 'hono';
import { z } from 'zod';
import { auditSafely } from '../audit/audit.ts';
import type { AppEnv } from '../env.ts';
import { parseForm, parseQuery } from '../forms/bad-input.ts';
import { optionalPlatform, optionalShop, optionalVersion, platformField, scopeField } from '../forms/fields.ts';
import { RulesPage } from '../pages/rules-page.tsx';
import { platformClients, rollback, rulesView, versions } from '../platforms/admin.ts';
import type { Outcome } from '../platforms/client.ts';
import { rulesKey, type Scope, type VersionsView } from '../platforms/contract.ts';
import { configuredPlatforms, platformTargets } from '../platforms/targets.ts';
import { flashRow } from './flash.tsx';
import { clientIp, pageCtx } from './page-ctx.ts';

/** `/rules?platform=&shop=` → query; shop required for the shop scope. */
export function rulesHref(platform: Platform, shop: string | undefined, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ platform, ...(shop ? { shop } : {}), ...extra });
  return `/rules?${q.toString()}`;
}

const rollbackForm = z
  .object({ platform: platformField, scope: scopeField, shop: optionalShop, version: optionalVersion, expect: optionalVersion, message: z.string().trim().max(500).optional() })
  .refine((f) => f.scope !== 'shop' || f.shop !== undefined, { message: 'shop is required for the shop scope', path: ['shop'] });

/** `GET /rules` (layers, history, resolved document) and `POST /rules/rollback`. */
export function mountRules(app: Hono<AppEnv>): void {
  app.get('/rules', async (c) => {
    const q = parseQuery(c, z.object({ platform: optionalPlatform, shop: optionalShop }));
    const platforms = configuredPlatforms(platformTargets(c.env));
    const platform = q.platform ?? platforms[0] ?? null;
    const ctx = await pageCtx(c);
    const flash = await flashRow(c);
    if (platform === null) return c.html(<RulesPage ctx={ctx} platforms={platforms} platform={null} shop={q.shop} view={null} histories={{}} flash={flash} />);
    const client = platformClients(c.env).clients[platform];
    const scopes: Scope[] = q.shop ? ['global', 'platform', 'shop'] : ['global', 'platform'];
    const [view, ...lists] = await Promise.all([rulesView(client, q.shop), ...scopes.map((s) => versions(client, s, q.shop))]);
    const histories: Partial<Record<Scope, Outcome<VersionsView>>> = {};
    // An unreachable worker fails every call the same way: its one message is enough.
    if (view.ok) scopes.forEach((s, i) => (histories[s] = lists[i]));
    return c.html(<RulesPage ctx={ctx} platforms={platforms.includes(platform) ? platforms : [platform, ...platforms]} platform={platform} shop={q.shop} view={view} histories={histories} flash={flash} />);
  });

  app.post('/rules/rollback', async (c) => {
    const form = await parseForm(c, rollbackForm);
    const auth = c.get('auth');
    const client = platformClients(c.env).clients[form.platform];
    const message = form.message || (form.version === undefined ? 'rollback to previous via console' : `rollback to v${form.version} via console`);
    // `expect`: the version the page showed as active; if it moved meanwhile, the worker answers 409.
    const outcome = await rollback(client, { scope: form.scope, shop: form.shop, version: form.version, author: auth.actor, message, expectActive: form.expect });
    const id = await auditSafely(c.env.DB, {
      actor: auth.actor,
      action: 'rules.rollback',
      target: `${form.platform}:${rulesKey(form.scope, form.platform, form.shop)}`,
      detail: {
        platform: form.platform,
        scope: form.scope,
        shop: form.shop ?? null,
        requested: form.version ?? 'previous',
        expectActive: form.expect ?? null,
        message,
        ...(outcome.ok ? { result: 'ok', version: outcome.data.version, from: outcome.data.from } : { result: outcome.code, status: outcome.status, error: outcome.message }),
      },
      ip: clientIp(c),
    });
    return c.redirect(rulesHref(form.platform, form.shop, id ? { flash: id } : {}), 303);
  });
}
