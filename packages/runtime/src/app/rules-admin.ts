import { formatPath, type Platform } from '@kefu/core';
import { RULES_SCOPES, RulesStore, type RulesTarget } from '@kefu/rules-store';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { RuntimeEnv } from '../env.ts';
import { loadRules } from '../rules/kv-rules.ts';
import { HttpError } from './http-error.ts';
import { authorize } from './inspect.ts';

/** A whole rules document is ~3 MB with a large FAQ; room to grow, and a bound on what a request may buffer. */
const MAX_RULES_BODY = 8 * 1024 * 1024;

const shop = z.string().min(1).max(200);
const author = z.string().trim().min(1).max(64);
const message = z.string().max(500);
const expectActive = z.number().int().positive().nullable().optional();
const document = z.custom<unknown>((v) => v !== undefined, { message: 'required: the layer document (a JSON object)' });

/** `scope` and, for the shop scope, `shop`: which layer a request is about. */
const scoped = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ scope: z.enum(RULES_SCOPES), shop: shop.optional(), ...shape }).superRefine((value, ctx) => {
    const v = value as { scope: string; shop?: string };
    if (v.scope === 'shop' && v.shop === undefined) ctx.addIssue({ code: 'custom', path: ['shop'], message: 'required when scope is shop' });
  });

const versionsQuery = scoped({});
const versionQuery = scoped({ version: z.coerce.number().int().positive() });
const checkBody = scoped({ document });
const pushBody = scoped({ document, author, message, expectActive });
const rollbackBody = scoped({ version: z.number().int().positive().optional(), author, message: message.optional(), expectActive });

/**
 * The rules workflow over HTTP, for `cs rules --local` and the console; the same bearer token as
 * the inspection routes (INSPECT_TOKEN). The platform is this worker's: `global` means this
 * app's namespace, validated with this platform's layer.
 *   GET  /__kefu/rules?shop=                          layers, the merged result, what this isolate serves
 *   GET  /__kefu/rules/versions?scope=&shop=          a scope's history, newest first
 *   GET  /__kefu/rules/version?scope=&shop=&version=  one version's metadata and document
 *   POST /__kefu/rules/check     {scope, shop?, document}                                 writes nothing
 *   POST /__kefu/rules/push      {scope, shop?, document, author, message, expectActive?}
 *   POST /__kefu/rules/rollback  {scope, shop?, version?, author, message?, expectActive?}
 * A global or platform change is validated without any shop layer: it is not checked against
 * every shop's own layer.
 */
export function mountRulesAdmin<E extends RuntimeEnv & object>(app: Hono<{ Bindings: E }>, platform: Platform): void {
  const guard: MiddlewareHandler<{ Bindings: E }> = async (c, next) => {
    authorize(c.env as E, c.req.header('authorization'));
    await next();
  };
  const limit = bodyLimit({ maxSize: MAX_RULES_BODY, onError: () => { throw new HttpError(413, 'body_too_large', `body larger than ${MAX_RULES_BODY} bytes`); } });
  const store = (env: E) => new RulesStore(env.RULES);
  const target = (v: { scope: RulesTarget['scope']; shop?: string | undefined }): RulesTarget =>
    v.scope === 'shop' ? { scope: 'shop', platform, shop: v.shop as string } : { scope: v.scope, platform };

  app.get('/__kefu/rules', guard, async (c) => {
    const shopId = valid(z.object({ shop: shop.optional() }), c.req.query(), 'query').shop;
    const [resolution, serving] = await Promise.all([store(c.env as E).resolve(platform, shopId), loadRules((c.env as E).RULES, platform, shopId)]);
    const { outcome } = resolution;
    return c.json({
      platform,
      shop: shopId ?? null,
      layers: resolution.layers.map((l) => ({ scope: l.scope, key: l.key, active: l.active, legacy: l.legacy, bytes: l.bytes })),
      resolved: outcome.kind === 'ok'
        ? { kind: 'ok', document: outcome.document }
        : { kind: 'invalid', errors: outcome.kind === 'invalid' ? outcome.errors : [{ path: '(root)', message: 'no rules stored for any of these layers' }] },
      // This isolate's view: last-known-good lives in isolate memory.
      serving: { kind: serving.kind, ...(serving.key !== undefined ? { key: serving.key } : {}), layers: serving.layers },
    });
  });

  app.get('/__kefu/rules/versions', guard, async (c) => {
    const q = valid(versionsQuery, c.req.query(), 'query');
    return c.json(await store(c.env as E).versions(target(q)));
  });

  app.get('/__kefu/rules/version', guard, async (c) => {
    const q = valid(versionQuery, c.req.query(), 'query');
    const found = await store(c.env as E).version(target(q), q.version);
    if (found.kind === 'not_found') throw new HttpError(404, 'not_found', `no version ${q.version} of this ${q.scope} layer`);
    return c.json({ meta: found.meta, document: found.document });
  });

  app.post('/__kefu/rules/check', guard, limit, async (c) => {
    const b = valid(checkBody, await jsonBody(c), 'body');
    return c.json(await store(c.env as E).check(target(b), b.document));
  });

  app.post('/__kefu/rules/push', guard, limit, async (c) => {
    const b = valid(pushBody, await jsonBody(c), 'body');
    const result = await store(c.env as E).push(target(b), { document: b.document, author: b.author, message: b.message, now: Date.now(), ...(b.expectActive !== undefined ? { expectActive: b.expectActive } : {}) });
    if (result.kind === 'invalid') throw new HttpError(422, 'invalid', 'the rules do not validate; nothing was written', { details: { errors: result.errors, lint: result.lint } });
    if (result.kind === 'conflict') throw conflict(result);
    if (result.kind === 'unchanged') return c.json({ version: result.version, sha256: result.sha256, unchanged: true });
    return c.json({ version: result.version, sha256: result.sha256, unchanged: false, ...(result.imported !== undefined ? { imported: result.imported } : {}) });
  });

  app.post('/__kefu/rules/rollback', guard, limit, async (c) => {
    const b = valid(rollbackBody, await jsonBody(c), 'body');
    const result = await store(c.env as E).rollback(target(b), {
      author: b.author,
      now: Date.now(),
      ...(b.version !== undefined ? { version: b.version } : {}),
      ...(b.message !== undefined ? { message: b.message } : {}),
      ...(b.expectActive !== undefined ? { expectActive: b.expectActive } : {}),
    });
    if (result.kind === 'invalid') throw new HttpError(422, 'invalid', 'that version does not validate with the other layers now; nothing was changed', { details: { errors: result.errors, lint: result.lint } });
    if (result.kind === 'not_found') throw new HttpError(404, 'not_found', result.reason);
    if (result.kind === 'conflict') throw conflict(result);
    return c.json({ version: result.version, from: result.from });
  });
}

function conflict(result: { active: number | null; expected: number | null }): HttpError {
  return new HttpError(409, 'conflict', `the active version is ${result.active ?? 'none'}, not ${result.expected ?? 'none'}: someone changed it; look again`, { details: { active: result.active, expected: result.expected } });
}

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, 'bad_request', 'body is not JSON');
  }
}

/** Parse a query or body, or answer 400 naming each bad field (`body.shop: required when scope is shop`). */
function valid<S extends z.ZodType>(schema: S, input: unknown, where: 'query' | 'body'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: `${where}.${formatPath(i.path)}`, message: i.message }));
  throw new HttpError(400, 'bad_request', fields.map((f) => `${f.path}: ${f.message}`).join('; '), { details: { fields } });
}
