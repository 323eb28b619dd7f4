import type { Hono } from 'hono';
import { z } from 'zod';
import { diffJson } from '@kefu/rules-store';
import type { AppEnv } from '../env.ts';
import { BadInput, parseJson } from '../forms/bad-input.ts';
import { MAX_DOCUMENT_BYTES, optionalPlatform, optionalShop, scopeField } from '../forms/fields.ts';
import { diffPayload, type DiffPayload } from '../pages/diff-view.tsx';
import { check, platformClients, version } from '../platforms/admin.ts';
import { platformName } from '../platforms/client.ts';
import { configuredPlatforms, platformTargets } from '../platforms/targets.ts';
import { publishTargets } from './editor-load.ts';

const checkBody = z
  .object({
    scope: scopeField,
    platform: optionalPlatform,
    shop: z.preprocess((v) => (v === null ? undefined : v), optionalShop),
    /** The editor's raw text (JSON syntax errors are reported, not thrown). */
    text: z.string().max(MAX_DOCUMENT_BYTES).optional(),
    /** Or the document itself. */
    document: z.unknown().optional(),
    /** The version to diff against (the editor's active version when loaded); null = none. */
    against: z.number().int().positive().nullable().optional(),
  })
  .refine((b) => b.text !== undefined || b.document !== undefined, { message: 'text or document is required', path: ['text'] })
  .refine((b) => b.scope !== 'shop' || b.shop !== undefined, { message: 'shop is required for the shop scope', path: ['shop'] })
  .refine((b) => b.scope === 'global' || b.platform !== undefined, { message: 'platform is required for the platform and shop scopes', path: ['platform'] });

/**
 * `POST /api/rules/check` — what a publish would say, from every target platform worker (their
 * `POST /__kefu/rules/check`: full validation of the merged result, lint), plus the diff against the
 * active version. Changes nothing. The editor island calls it as the text changes.
 */
export function mountCheckApi(app: Hono<AppEnv>): void {
  app.post('/api/rules/check', async (c) => {
    const body = await parseJson(c, checkBody);
    const platform = body.platform ?? configuredPlatforms(platformTargets(c.env))[0];
    if (!platform) throw new BadInput(['no platform worker is configured']);
    let document = body.document;
    if (body.text !== undefined) {
      try {
        document = JSON.parse(body.text);
      } catch (error) {
        return c.json({ ok: false, json: { ok: false, message: (error as Error).message }, results: [], diff: null });
      }
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      return c.json({ ok: false, json: { ok: false, message: 'a layer must be a JSON object { … }' }, results: [], diff: null });
    }
    const { clients } = platformClients(c.env);
    const targets = publishTargets(c, body.scope, platform);
    const against = body.against ?? null;
    const [results, diff] = await Promise.all([
      Promise.all(
        targets.map(async (p) => {
          const outcome = await check(clients[p], { scope: body.scope, shop: body.shop, document });
          return outcome.ok
            ? { platform: p, label: platformName(p), ok: outcome.data.ok, errors: outcome.data.errors, lint: outcome.data.lint }
            : { platform: p, label: platformName(p), ok: false, errors: [], lint: [], error: outcome.message };
        }),
      ),
      (async (): Promise<DiffPayload> => {
        if (against === null) return diffPayload(null, diffJson({}, document));
        const before = await version(clients[platform], body.scope, body.shop, against);
        return before.ok ? diffPayload(against, diffJson(before.data.document, document)) : { error: before.message };
      })(),
    ]);
    return c.json({ ok: results.length > 0 && results.every((r) => r.ok), json: { ok: true }, results, diff });
  });
}
