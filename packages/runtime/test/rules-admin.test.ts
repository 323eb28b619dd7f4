import type { FaqRule, InboundEvent } from '@kefu/core';
import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, prepareStack, sandboxClient, testRules, type TestEnv } from '../src/contract/index.ts';

const testEnv = env as unknown as TestEnv;
const sandbox = sandboxClient(testEnv.SANDBOX_URL);
const auth = { authorization: 'Bearer local-inspect' };
const BASE = 'https://kefu.test/__kefu/rules';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies, checked by the assertions

async function get(path: string): Promise<{ status: number; body: Json }> {
  const response = await SELF.fetch(`${BASE}${path}`, { headers: auth });
  return { status: response.status, body: (await response.json()) as Json };
}

async function post(path: string, body: unknown): Promise<{ status: number; body: Json }> {
  const response = await SELF.fetch(`${BASE}${path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Json };
}

const who = { author: '店长', message: 'test' };

/** The default FAQ rule for 什么时候发货, answering `answer` only (so the reply is known). */
function shippingRule(answer: string): FaqRule {
  const rule = structuredClone(testRules(testEnv).faq!.find((r) => r.id === 'shipping-time')) as FaqRule;
  return { ...rule, answers: [answer] };
}

let n = 0;
/** Ask one new buyer of `shop` 什么时候发货 through the Conversation object; the FAQ reply's text. */
async function shippingAnswer(shop: string): Promise<string | undefined> {
  n += 1;
  const buyerId = `rules-buyer-${n}`;
  const stub = env.CONVERSATION.get(env.CONVERSATION.idFromName(`jd:${shop}:${buyerId}`));
  const event = { kind: 'buyer_message', id: `rules-m-${n}`, platform: 'jd', shopId: shop, buyerId, at: Date.now(), text: '什么时候发货' } satisfies InboundEvent;
  const result = await stub.handle({ event });
  if (result.kind !== 'decided') return result.kind;
  const reply = result.actions.find((a) => a.kind === 'reply' && a.ruleId === 'shipping-time');
  return reply?.kind === 'reply' ? reply.text : undefined;
}

beforeAll(() => prepareStack(testEnv));

describe('rules admin routes', () => {
  it('should keep serving a hand-written (legacy) rules:global, shown as such', async () => {
    await env.RULES.put('rules:global', JSON.stringify(testRules(testEnv)));
    const { status, body } = await get('?shop=legacy-shop');
    expect(status).toBe(200);
    expect(body.layers).toEqual([
      { scope: 'global', key: 'rules:global', active: null, legacy: true, bytes: expect.any(Number) },
      { scope: 'platform', key: 'rules:platform:jd', active: null, legacy: false, bytes: 0 },
      { scope: 'shop', key: 'rules:shop:jd:legacy-shop', active: null, legacy: false, bytes: 0 },
    ]);
    expect(body.resolved.kind).toBe('ok');
    expect(body.serving).toEqual({ kind: 'ok', key: 'rules:global', layers: ['rules:global (legacy)'] });
    expect(await shippingAnswer('legacy-shop')).toMatch(/小时内/);
  });

  it('should push a global version, layer a shop override on it, and serve each pointer flip from the next message', async () => {
    await env.RULES.put('rules:global', JSON.stringify(testRules(testEnv)));
    const global = await post('/push', { scope: 'global', document: testRules(testEnv), ...who });
    expect(global).toEqual({ status: 200, body: { version: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), unchanged: false, imported: expect.any(Number) } });
    expect((await post('/push', { scope: 'global', document: testRules(testEnv), ...who })).body).toEqual({ version: global.body.version, sha256: global.body.sha256, unchanged: true });
    const history = await get('/versions?scope=global');
    expect(history.body).toMatchObject({ scope: 'global', key: 'rules:global', active: global.body.version, legacy: false });
    expect(history.body.versions[0]).toMatchObject({ version: global.body.version, author: '店长', message: 'test', active: true, parent: global.body.imported });
    const kept = await get(`/version?scope=global&version=${global.body.imported}`);
    expect(kept.body.meta).toMatchObject({ author: '(hand-written)' });
    expect(kept.body.document).toEqual(JSON.parse(JSON.stringify(testRules(testEnv))));

    const shop = 'flagship';
    const v1 = await post('/push', { scope: 'shop', shop, document: { shop: { name: '旗舰店' }, faq: [shippingRule('旗舰店回复A')] }, ...who, expectActive: null });
    expect(v1).toEqual({ status: 200, body: { version: 1, sha256: expect.any(String), unchanged: false } });
    const resolved = await get(`?shop=${shop}`);
    expect(resolved.body.layers[2]).toMatchObject({ scope: 'shop', key: `rules:shop:jd:${shop}`, legacy: false, active: { version: 1, author: '店长', message: 'test' } });
    expect(resolved.body.resolved.document.shop).toMatchObject({ name: '旗舰店', shipWithinHours: testRules(testEnv).shop.shipWithinHours });
    expect(resolved.body.resolved.document.faq.find((r: FaqRule) => r.id === 'shipping-time').answers).toEqual(['旗舰店回复A']);
    expect(await shippingAnswer(shop)).toBe('旗舰店回复A');
    expect(await shippingAnswer('another-shop')).not.toBe('旗舰店回复A');

    expect((await post('/push', { scope: 'shop', shop, document: { faq: [shippingRule('旗舰店回复B')] }, ...who, expectActive: 1 })).body).toMatchObject({ version: 2 });
    expect(await shippingAnswer(shop)).toBe('旗舰店回复B');
    expect((await post('/rollback', { scope: 'shop', shop, author: '值班' })).body).toEqual({ version: 1, from: 2 });
    expect(await shippingAnswer(shop)).toBe('旗舰店回复A');
    const versions = await get(`/versions?scope=shop&shop=${shop}`);
    expect(versions.body.versions.map((v: Json) => [v.version, v.active])).toEqual([[2, false], [1, true]]);
    expect((await post('/rollback', { scope: 'shop', shop, version: 2, author: '值班', message: '还是B' })).body).toEqual({ version: 2, from: 1 });
    expect(await shippingAnswer(shop)).toBe('旗舰店回复B');
  });

  it('should refuse a bad push with 422, naming the fields, and change nothing', async () => {
    const shop = 'bad-push';
    await post('/push', { scope: 'shop', shop, document: { shop: { name: '好店' } }, ...who });
    const pointer = await env.RULES.get(`rules:shop:jd:${shop}`);
    const invalid = await post('/push', { scope: 'shop', shop, document: { shop: { defaultCourier: '火箭快递' } }, ...who });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error).toMatchObject({ code: 'invalid', lint: [], errors: [{ path: 'shop.defaultCourier', message: expect.stringContaining('(merged rules:global') }] });
    const linted = await post('/push', { scope: 'shop', shop, document: { scripts: { closing: ['全网最低价~'] } }, ...who });
    expect(linted.status).toBe(422);
    expect(linted.body.error.lint.filter((f: Json) => f.level === 'error').map((f: Json) => f.code)).toContain('absolute-term');
    const notLayer = await post('/push', { scope: 'shop', shop, document: { shpo: {} }, ...who });
    expect([notLayer.status, notLayer.body.error.errors[0].path]).toEqual([422, 'shpo']);
    expect(await env.RULES.get(`rules:shop:jd:${shop}`)).toBe(pointer);
    expect((await get(`/versions?scope=shop&shop=${shop}`)).body.versions).toHaveLength(1);
    // check says the same and writes nothing.
    const checked = await post('/check', { scope: 'shop', shop, document: { shop: { defaultCourier: '火箭快递' } } });
    expect(checked).toMatchObject({ status: 200, body: { ok: false, errors: [{ path: 'shop.defaultCourier' }], resolvedFor: { platform: 'jd', shop } } });
    expect((await post('/check', { scope: 'shop', shop, document: { shop: { name: '更好的店' } } })).body).toMatchObject({ ok: true, errors: [] });
  });

  it('should answer 409 when the pointer moved since the pusher looked', async () => {
    const shop = 'conflict-shop';
    expect((await post('/push', { scope: 'shop', shop, document: { shop: { name: '甲' } }, ...who, expectActive: null })).status).toBe(200);
    const moved = await post('/push', { scope: 'shop', shop, document: { shop: { name: '乙' } }, ...who, expectActive: null });
    expect(moved).toEqual({ status: 409, body: { error: { code: 'conflict', message: expect.any(String), active: 1, expected: null } } });
    const rolled = await post('/rollback', { scope: 'shop', shop, version: 1, author: 'a', expectActive: 3 });
    expect(rolled.status).toBe(409);
    expect((await post('/push', { scope: 'shop', shop, document: { shop: { name: '乙' } }, ...who, expectActive: 1 })).body).toMatchObject({ version: 2 });
  });

  it('should answer 404 for unknown versions and for a rollback with nowhere to go, 422 for a version that no longer validates', async () => {
    const shop = 'rollback-shop';
    expect((await get('/version?scope=global&version=999')).status).toBe(404);
    await post('/push', { scope: 'shop', shop, document: { shop: { name: '一' } }, ...who });
    const nowhere = await post('/rollback', { scope: 'shop', shop, author: 'a' });
    expect([nowhere.status, nowhere.body.error.code]).toEqual([404, 'not_found']);
    expect((await post('/rollback', { scope: 'shop', shop, version: 7, author: 'a' })).status).toBe(404);
    await env.RULES.put(`rules:shop:jd:${shop}@2`, JSON.stringify({ shop: { name: '' } }));
    const stale = await post('/rollback', { scope: 'shop', shop, version: 2, author: 'a' });
    expect([stale.status, stale.body.error.errors[0].path]).toEqual([422, 'shop.name']);
  });

  it('should validate requests: 401 without the token, 400 naming the field, 413 past 8 MiB', async () => {
    expect((await SELF.fetch(`${BASE}?shop=x`)).status).toBe(401);
    expect((await SELF.fetch(`${BASE}/push`, { method: 'POST', body: '{}' })).status).toBe(401);
    const noShop = await post('/push', { scope: 'shop', document: {}, ...who });
    expect([noShop.status, noShop.body.error.message]).toEqual([400, 'body.shop: required when scope is shop']);
    const missing = await post('/push', { scope: 'global', author: 'a' });
    expect(missing.body.error.fields.map((f: Json) => f.path)).toEqual(['body.document', 'body.message']);
    expect((await post('/check', { scope: 'galaxy', document: {} })).body.error.fields[0].path).toBe('body.scope');
    expect((await post('/check', '{"scope":')).body.error).toEqual({ code: 'bad_request', message: 'body is not JSON' });
    expect((await get('/version?scope=global&version=latest')).body.error.fields[0].path).toBe('query.version');
    const huge = await post('/check', { scope: 'global', document: { version: 'x'.repeat(8 * 1024 * 1024) } });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'body_too_large']);
  });
});

describe('layered loading', () => {
  it('should keep a shop on its last good rules when a global push breaks its layer, and alert once naming the shop key', async () => {
    const shop = 'layered-lkg';
    const good = testRules(testEnv);
    await post('/push', { scope: 'global', document: good, ...who });
    expect((await post('/push', { scope: 'shop', shop, document: { shop: { defaultCourier: '顺丰速运' }, faq: [shippingRule('旗舰店回复C')] }, ...who })).status).toBe(200);
    expect(await shippingAnswer(shop)).toBe('旗舰店回复C');
    // Valid on its own (a global push is validated without shop layers), but not with this shop's layer.
    const narrower = { ...good, shop: { ...good.shop, couriers: ['中通快递'], defaultCourier: '中通快递' } };
    expect((await post('/push', { scope: 'global', document: narrower, ...who })).status).toBe(200);
    const view = await get(`?shop=${shop}`);
    expect(view.body.resolved).toEqual({ kind: 'invalid', errors: [{ path: 'shop.defaultCourier', message: expect.stringMatching(/^must be one of shop\.couriers \(merged rules:global@\d+ \+ rules:shop:jd:layered-lkg@1\)$/) }] });
    expect(await shippingAnswer(shop)).toBe('旗舰店回复C');
    expect(await shippingAnswer(shop)).toBe('旗舰店回复C');
    const alerts = await eventually(async () => {
      const found = (await sandbox.requests('team:test-team')).map((r) => decodeURIComponent((r.parsed as { escalation?: { id: string } }).escalation?.id ?? '')).filter((id) => id.includes(`|rules-invalid:rules:shop:jd:${shop}:`));
      return found.length > 0 ? found : undefined;
    }, 'the rules alert');
    expect(new Set(alerts).size).toBe(1);
    // A shop this isolate never served has no last good rules: nothing to answer with.
    await env.RULES.put('rules:shop:jd:layered-new', JSON.stringify({ shop: { defaultCourier: '顺丰速运' } }));
    expect(await shippingAnswer('layered-new')).toBe('no_rules');
    expect((await post('/push', { scope: 'global', document: good, ...who })).status).toBe(200);
    expect(await shippingAnswer(shop)).toBe('旗舰店回复C');
  });
});
