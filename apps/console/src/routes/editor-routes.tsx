import { PLATFORMS, type Platform } from '@kefu/core';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { auditBatch, auditSafely } from '../audit/audit.ts';
import type { AppEnv } from '../env.ts';
import { BadInput, parseForm, parseQuery } from '../forms/bad-input.ts';
import { expectField, MAX_DOCUMENT_BYTES, messageField, optionalPlatform, optionalShop, scopeField } from '../forms/fields.ts';
import type { PlatformVerdict } from '../pages/check-view.tsx';
import { EditorPage, PublishedPage } from '../pages/editor-page.tsx';
import { errorPage } from '../pages/error-page.tsx';
import { platformClients, push } from '../platforms/admin.ts';
import { invalidSchema, lintFindingSchema, rulesErrorSchema, rulesKey, type Scope } from '../platforms/contract.ts';
import { configuredPlatforms, platformTargets } from '../platforms/targets.ts';
import { mountCheckApi } from './check-api.ts';
import { loadEditor, publishTargets } from './editor-load.ts';
import { clientIp, pageCtx } from './page-ctx.ts';

const layerQuery = z
  .object({ scope: scopeField, platform: optionalPlatform, shop: optionalShop })
  .refine((q) => q.scope !== 'shop' || q.shop !== undefined, { message: 'shop is required for the shop scope', path: ['shop'] })
  .refine((q) => q.scope === 'global' || q.platform !== undefined, { message: 'platform is required for the platform and shop scopes', path: ['platform'] });

const publishForm = z
  .object({
    scope: scopeField,
    platform: optionalPlatform,
    shop: optionalShop,
    document: z.string({ error: 'document is required' }).max(MAX_DOCUMENT_BYTES, `layer document over ${MAX_DOCUMENT_BYTES} bytes`),
    message: messageField,
    ...Object.fromEntries(PLATFORMS.map((p) => [`expect_${p}`, expectField])),
  })
  .refine((q) => q.scope !== 'shop' || q.shop !== undefined, { message: 'shop is required for the shop scope', path: ['shop'] })
  .refine((q) => q.scope === 'global' || q.platform !== undefined, { message: 'platform is required for the platform and shop scopes', path: ['platform'] });

/** The platform a layer is loaded from: the one named, else the first managed one (global). */
function referencePlatform(c: Context<AppEnv>, platform: Platform | undefined): Platform | undefined {
  return platform ?? configuredPlatforms(platformTargets(c.env))[0];
}

type PushRecord = { platform: Platform; result: string; status: number | null; version: number | null; sha256: string | null; unchanged: boolean; error: string | null; verdict: PlatformVerdict | null };

/** Read a PushRecord back from its audit row (the results page after the redirect). */
function recordOf(detail: Record<string, unknown>): PushRecord {
  const platform = detail.platform as Platform;
  const errors = z.array(rulesErrorSchema).catch([]).parse(detail.errors);
  const lint = z.array(lintFindingSchema).catch([]).parse(detail.lint);
  return {
    platform,
    result: typeof detail.result === 'string' ? detail.result : '?',
    status: typeof detail.status === 'number' ? detail.status : null,
    version: typeof detail.version === 'number' ? detail.version : null,
    sha256: typeof detail.sha256 === 'string' ? detail.sha256 : null,
    unchanged: detail.unchanged === true,
    error: typeof detail.error === 'string' ? detail.error : null,
    verdict: errors.length + lint.length > 0 ? { platform, ok: false, errors, lint } : null,
  };
}

/** `GET /rules/edit`, `POST /rules/publish`, `GET /rules/published`, `POST /api/rules/check`. */
export function mountEditor(app: Hono<AppEnv>): void {
  mountCheckApi(app);

  app.get('/rules/edit', async (c) => {
    const q = parseQuery(c, layerQuery);
    const platform = referencePlatform(c, q.platform);
    if (!platform) return errorPage(c, 400, '没有可编辑的平台', ['no platform worker is configured (PLATFORM_URLS or PLATFORM_* service bindings)']);
    const model = await loadEditor(c, q.scope, platform, q.shop);
    return c.html(<EditorPage ctx={await pageCtx(c)} model={model} />);
  });

  app.post('/rules/publish', async (c) => {
    const form = await parseForm(c, publishForm);
    const auth = c.get('auth');
    const scope: Scope = form.scope;
    const platform = referencePlatform(c, form.platform);
    if (!platform) throw new BadInput(['no platform worker is configured']);
    const targets = publishTargets(c, scope, platform);
    const batch = crypto.randomUUID();
    const expects = form as unknown as Record<string, number | null | 'any' | undefined>;
    const base = { batch, scope, shop: form.shop ?? null, message: form.message };
    const target = (p: Platform) => `${p}:${rulesKey(scope, p, form.shop)}`;

    let document: unknown;
    let localError: string | null = null;
    try {
      document = JSON.parse(form.document);
      if (document === null || typeof document !== 'object' || Array.isArray(document)) localError = '层文档必须是 JSON 对象 (a layer must be a JSON object)';
    } catch (error) {
      localError = `JSON 语法错误 (syntax error): ${(error as Error).message}`;
    }
    if (localError !== null) {
      // Refused before any platform saw it; still an attempt, so still audited.
      for (const p of targets) await auditSafely(c.env.DB, { actor: auth.actor, action: 'rules.publish', target: target(p), detail: { ...base, platform: p, result: 'bad_json', error: localError }, ip: clientIp(c) });
      const model = await loadEditor(c, scope, platform, form.shop, form.document);
      return c.html(<EditorPage ctx={await pageCtx(c)} model={model} message={form.message} notice={localError} />, 400);
    }

    const { clients } = platformClients(c.env);
    const records: PushRecord[] = await Promise.all(
      targets.map(async (p): Promise<PushRecord> => {
        const expected = expects[`expect_${p}`];
        const expectActive = expected === 'any' ? undefined : expected;
        let record: PushRecord;
        if (expected === undefined) {
          // The editor could not read this platform's active version: publishing would overwrite
          // a version nobody looked at. Skip it; reloading the editor makes it a normal target.
          record = { platform: p, result: 'skipped', status: null, version: null, sha256: null, unchanged: false, error: '加载编辑器时读不到该平台的当前版本，未发布（reload the editor and publish again）', verdict: null };
          await auditSafely(c.env.DB, { actor: auth.actor, action: 'rules.publish', target: target(p), detail: { ...base, platform: p, expectActive: null, result: record.result, error: record.error }, ip: clientIp(c) });
          return record;
        }
        const outcome = await push(clients[p], { scope, shop: form.shop, document, author: auth.actor, message: form.message, expectActive });
        if (outcome.ok) {
          record = { platform: p, result: outcome.data.unchanged ? 'unchanged' : 'ok', status: outcome.status, version: outcome.data.version, sha256: outcome.data.sha256, unchanged: outcome.data.unchanged, error: null, verdict: null };
        } else {
          const invalid = outcome.status === 422 ? invalidSchema.safeParse(outcome.body ?? {}) : null;
          const verdict = invalid?.success ? { platform: p, ok: false, errors: invalid.data.errors, lint: invalid.data.lint } : null;
          record = { platform: p, result: outcome.code, status: outcome.status, version: null, sha256: null, unchanged: false, error: outcome.message, verdict };
        }
        await auditSafely(c.env.DB, {
          actor: auth.actor,
          action: 'rules.publish',
          target: target(p),
          detail: {
            ...base,
            platform: p,
            expectActive: expected,
            result: record.result,
            status: record.status,
            version: record.version,
            sha256: record.sha256,
            unchanged: record.unchanged,
            error: record.error,
            ...(record.verdict ? { errors: record.verdict.errors.slice(0, 50), lint: record.verdict.lint.slice(0, 50) } : {}),
          },
          ip: clientIp(c),
        });
        return record;
      }),
    );

    if (records.some((r) => r.result === 'ok' || r.result === 'unchanged')) return c.redirect(`/rules/published?batch=${batch}`, 303);
    // Nothing was published: back to the editor with the text kept, diffed against what is active now.
    const model = await loadEditor(c, scope, platform, form.shop, form.document);
    const status = records.some((r) => r.status === 409) ? 409 : records.some((r) => r.status === 422) ? 422 : 502;
    const notice = status === 409 ? '发布被拒绝：有人在你编辑期间发布了新版本。改动已按最新版本重新对比；确认后再次发布。' : '没有平台接受这次发布，详见下方结果。';
    const results = records.map((r) => r.verdict ?? { platform: r.platform, ok: false, errors: [], lint: [], error: r.error ?? r.result });
    return c.html(<EditorPage ctx={await pageCtx(c)} model={model} message={form.message} notice={notice} results={results} />, status);
  });

  app.get('/rules/published', async (c) => {
    const { batch } = parseQuery(c, z.object({ batch: z.uuid() }));
    const rows = (await auditBatch(c.env.DB, batch)).filter((r) => r.action === 'rules.publish');
    if (rows.length === 0) return errorPage(c, 404, '找不到这次发布', [`no publish with batch ${batch}`]);
    const records = rows.map((r) => recordOf(r.detail));
    const first = rows[0]?.detail ?? {};
    const scope = (first.scope as Scope | undefined) ?? 'global';
    const shop = typeof first.shop === 'string' ? first.shop : undefined;
    const platform = records[0]?.platform ?? 'jd';
    const back = `/rules?${new URLSearchParams({ platform, ...(shop ? { shop } : {}) }).toString()}`;
    return c.html(<PublishedPage ctx={await pageCtx(c)} rows={records} back={back} key={rulesKey(scope, scope === 'global' ? '' : platform, shop)} />);
  });
}
