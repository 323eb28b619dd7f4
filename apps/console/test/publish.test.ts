import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, BEARER, call, login, migrate, postForm, resetStub, stub } from './helpers.ts';

type Logged = { method: string; path: string; body: Record<string, unknown> | undefined };
const pushes = async () => ((await stub('/log')) as Logged[]).filter((l) => l.path.endsWith('/__kefu/rules/push'));

const SHOP_LAYER = { shop: { name: '测试旗舰店' } };
const publishShop = (fields: Record<string, string> = {}, headers: Record<string, string> = BEARER) =>
  postForm('/rules/publish', { scope: 'shop', platform: 'jd', shop: 's1', document: JSON.stringify(SHOP_LAYER), message: '改店名', expect_jd: 'none', ...fields }, headers);

beforeAll(migrate);
beforeEach(resetStub);

describe('publishing a layer: every attempt is audited', () => {
  it('should push with the actor, message and expectActive, redirect to the results, and audit the new version', async () => {
    const cookie = await login('小李');
    const response = await publishShop({}, { cookie });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/rules\/published\?batch=[0-9a-f-]{36}$/);

    const [sent] = await pushes();
    expect(sent?.body).toEqual({ scope: 'shop', shop: 's1', document: SHOP_LAYER, author: '小李', message: '改店名', expectActive: null });

    const row = (await auditRows('rules.publish')).at(-1);
    expect(row).toMatchObject({ actor: '小李', target: 'jd:rules:shop:jd:s1', detail: { platform: 'jd', scope: 'shop', shop: 's1', result: 'ok', version: 1, expectActive: null, message: '改店名' } });
    expect(row?.detail.sha256).toMatch(/^[0-9a-f]{64}$/);

    const page = await call(location, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="publish-results"');
    expect(html).toContain('data-result="ok"');
    expect(html).toContain('v1');
  });

  it('should audit a conflict (someone published meanwhile) and keep the edit on the page', async () => {
    expect((await publishShop()).status).toBe(303);
    const response = await publishShop({ document: JSON.stringify({ shop: { name: '被覆盖？' } }) });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('有人在你编辑期间发布了新版本');
    expect(html).toContain('被覆盖？'); // the text is kept
    expect(html).toContain('name="expect_jd" value="1"'); // the form now expects what is active
    expect((await auditRows('rules.publish')).at(-1)).toMatchObject({ detail: { result: 'conflict', status: 409, expectActive: null } });
  });

  it('should audit an invalid layer with the platform errors, and show them', async () => {
    const response = await publishShop({ document: JSON.stringify({ __bad: true }) });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('data-testid="publish-results"');
    expect(html).toContain('Unrecognized key');
    expect((await auditRows('rules.publish')).at(-1)).toMatchObject({ detail: { result: 'invalid', status: 422, errors: [{ path: '__bad' }] } });
  });

  it('should audit text that is not JSON without calling any platform', async () => {
    const response = await publishShop({ document: '{ "shop": ' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('JSON 语法错误');
    expect(await pushes()).toEqual([]);
    expect((await auditRows('rules.publish')).at(-1)).toMatchObject({ detail: { result: 'bad_json' } });
  });

  it('should publish the global layer to every managed platform and report each, the unreachable one too', async () => {
    const response = await postForm('/rules/publish', { scope: 'global', document: JSON.stringify({ shop: { name: '全局' } }), message: 'global', expect_jd: '1', expect_taobao: '1', expect_douyin: 'any' }, BEARER);
    expect(response.status).toBe(303);
    const rows = (await auditRows('rules.publish')).slice(-3);
    expect(Object.fromEntries(rows.map((r) => [r.detail.platform, r.detail.result]))).toEqual({ jd: 'ok', taobao: 'ok', douyin: 'unreachable' });
    expect(new Set(rows.map((r) => r.detail.batch)).size).toBe(1);
    const html = await (await call(response.headers.get('location') ?? '', { headers: BEARER })).text();
    expect(html).toContain('data-platform="douyin" data-result="unreachable"');
    expect(html).toContain('无法连接');
  });

  it('should skip, not blindly overwrite, a platform whose active version the editor never saw', async () => {
    const response = await postForm('/rules/publish', { scope: 'global', document: JSON.stringify({ shop: { name: '全局' } }), message: 'global', expect_jd: '1' }, BEARER);
    expect(response.status).toBe(303);
    const rows = (await auditRows('rules.publish')).slice(-3);
    expect(Object.fromEntries(rows.map((r) => [r.detail.platform, r.detail.result]))).toEqual({ jd: 'ok', taobao: 'skipped', douyin: 'skipped' });
    expect((await pushes()).map((p) => p.path)).toEqual(['/platform/jd/__kefu/rules/push']);
  });

  it('should answer a form without its required fields with a 400 page naming them', async () => {
    const response = await postForm('/rules/publish', { scope: 'shop', platform: 'jd', document: '{}' }, BEARER);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('输入有误');
    expect(html).toContain('message: 请填写发布说明');
  });

  it('should refuse a shop-scope publish without a shop', async () => {
    const response = await postForm('/rules/publish', { scope: 'shop', platform: 'jd', document: '{}', message: 'm' }, BEARER);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('shop: shop is required for the shop scope');
  });
});

describe('rollback and dead-letter retry are audited too', () => {
  it('should roll back to a version and show the outcome after the redirect', async () => {
    await publishShop();
    await publishShop({ document: JSON.stringify({ shop: { name: 'v2' } }), expect_jd: '1' });
    const response = await postForm('/rules/rollback', { platform: 'jd', scope: 'shop', shop: 's1', version: '1' }, BEARER);
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/rules\?platform=jd&shop=s1&flash=/);
    expect((await auditRows('rules.rollback')).at(-1)).toMatchObject({ target: 'jd:rules:shop:jd:s1', detail: { result: 'ok', version: 1, from: 2, requested: 1 } });
    const html = await (await call(location, { headers: BEARER })).text();
    expect(html).toContain('data-testid="flash"');
    expect(html).toContain('当前版本 v1');
  });

  it('should refuse a rollback when the active version moved since the page was shown', async () => {
    await publishShop();
    await publishShop({ document: JSON.stringify({ shop: { name: 'v2' } }), expect_jd: '1' });
    await postForm('/rules/rollback', { platform: 'jd', scope: 'shop', shop: 's1', version: '1', expect: '1' }, BEARER);
    expect((await auditRows('rules.rollback')).at(-1)).toMatchObject({ detail: { result: 'conflict', status: 409, expectActive: 1 } });
  });

  it('should audit a refused rollback with the platform message', async () => {
    const response = await postForm('/rules/rollback', { platform: 'jd', scope: 'shop', shop: 'nobody' }, BEARER);
    expect(response.status).toBe(303);
    expect((await auditRows('rules.rollback')).at(-1)).toMatchObject({ detail: { result: 'not_found', status: 404 } });
  });

  it('should retry a dead letter on its platform worker', async () => {
    await stub('/seed/jd', {
      deadLetters: [
        { id: 'evt-1#0', kind: 'send', shop: 's1', buyer: 'buyer-0123456789', reason: 'HTTP 500', at: Date.now(), attempts: 9, state: 'dead', retryable: true, retriedAt: null, retryCount: 0, preview: '您好，已为您查询' },
        { id: 'evt-2#0', kind: 'send', shop: 's1', reason: 'refused', at: Date.now() - 1000, attempts: 1, state: 'dead', retryable: false, notRetryable: 'the job was stored without its reply', retriedAt: null, retryCount: 0 },
      ],
    });
    const before = await (await call('/escalations', { headers: BEARER })).text();
    expect(before).toContain('您好，已为您查询');
    expect(before).toContain('the job was stored without its reply');
    expect(before.match(/data-testid="retry-dead-letter"/g)).toHaveLength(1);

    const response = await postForm(`/dead-letters/jd/${encodeURIComponent('evt-1#0')}/retry`, { status: 'open' }, BEARER);
    expect(response.status).toBe(303);
    expect((await auditRows('dead_letter.retry')).at(-1)).toMatchObject({ target: 'jd:dead_letter:evt-1#0', detail: { result: 'ok', requeued: true, retryCount: 1 } });
    const html = await (await call(response.headers.get('location') ?? '', { headers: BEARER })).text();
    expect(html).toContain('data-testid="flash"');
    expect(html).toContain('重试中 requeued');
    expect(html).not.toContain('data-testid="retry-dead-letter"');
  });

  it('should audit a refused retry with the worker reason', async () => {
    await stub('/seed/jd', { deadLetters: [{ id: 'evt-3#0', kind: 'send', shop: 's1', reason: 'x', at: Date.now(), state: 'dead', retryable: false, notRetryable: 'no reply stored' }] });
    await postForm('/dead-letters/jd/evt-3%230/retry', { status: 'open' }, BEARER);
    expect((await auditRows('dead_letter.retry')).at(-1)).toMatchObject({ detail: { result: 'not_retryable', status: 422, error: expect.stringContaining('no reply stored') } });
  });
});

describe('POST /api/rules/check', () => {
  const check = (body: unknown) => call('/api/rules/check', { method: 'POST', headers: { ...BEARER, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('should return every target platform verdict and the diff against the active version', async () => {
    await publishShop();
    const response = await check({ scope: 'shop', platform: 'jd', shop: 's1', against: 1, text: JSON.stringify({ shop: { name: '新名字' }, faq: [] }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; results: unknown[]; diff: { counts: unknown; lines: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.results).toEqual([{ platform: 'jd', label: '京东 (jd)', ok: true, errors: [], lint: [expect.objectContaining({ code: 'few-examples' })] }]);
    expect(body.diff.counts).toEqual({ added: 1, removed: 0, changed: 1 });
    expect(body.diff.lines).toContainEqual({ op: 'changed', path: 'shop.name', before: '"测试旗舰店"', after: '"新名字"' });
  });

  it('should report a JSON syntax error instead of calling the platforms', async () => {
    const body = (await (await check({ scope: 'platform', platform: 'jd', text: '{ nope' })).json()) as { ok: boolean; json: { ok: boolean; message: string } };
    expect(body.ok).toBe(false);
    expect(body.json.ok).toBe(false);
    expect(body.json.message).toMatch(/JSON/);
  });

  it('should answer a malformed request with 400 JSON', async () => {
    const response = await check({ scope: 'nope' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad_request' });
  });
});
