import { describe, expect, it } from 'vitest';
import { scopeKey, versionOfKey, type RulesTarget } from './keys.ts';
import { readHead } from './pointer.ts';
import { RulesStore } from './rules-store.ts';
import { firstVersionEntries } from './seed.ts';
import { MemoryKv } from './test-support/memory-kv.ts';
import { repoRules } from './test-support/rules.ts';
import type { CachedVersion } from './resolve.ts';

const GLOBAL: RulesTarget = { scope: 'global', platform: 'jd' };
const PLATFORM: RulesTarget = { scope: 'platform', platform: 'jd' };
const SHOP: RulesTarget = { scope: 'shop', platform: 'jd', shop: 's1' };
const who = { author: '店长', message: 'test' };
let clock = 1_700_000_000_000;
const now = () => (clock += 1000);

function setup(options: { pageSize?: number } = {}) {
  const kv = new MemoryKv(options);
  return { kv, store: new RulesStore(kv) };
}

async function pushed(store: RulesStore, target: RulesTarget, document: unknown, extra: { expectActive?: number | null; message?: string } = {}) {
  const result = await store.push(target, { document, ...who, now: now(), ...extra });
  if (result.kind !== 'pushed') throw new Error(`push refused: ${JSON.stringify(result)}`);
  return result;
}

const snapshot = (kv: MemoryKv) => new Map([...kv.entries].map(([k, v]) => [k, { ...v }]));

describe('keys', () => {
  it('should give each scope its base key', () => {
    expect(scopeKey(GLOBAL)).toBe('rules:global');
    expect(scopeKey(PLATFORM)).toBe('rules:platform:jd');
    expect(scopeKey(SHOP)).toBe('rules:shop:jd:s1');
  });

  it('should read a version from its key, and not from another shop sharing the prefix', () => {
    expect(versionOfKey('rules:shop:jd:a', 'rules:shop:jd:a@12')).toBe(12);
    expect(versionOfKey('rules:shop:jd:a', 'rules:shop:jd:a@b@1')).toBeUndefined();
    expect(versionOfKey('rules:shop:jd:a', 'rules:shop:jd:a@0')).toBeUndefined();
  });
});

describe('readHead', () => {
  it('should tell a pointer from a legacy document, and report a broken pointer', () => {
    expect(readHead(null)).toEqual({ kind: 'none' });
    const pointer = { version: 2, sha256: 'ab', publishedAt: 1, author: 'a', message: 'm' };
    expect(readHead(JSON.stringify({ pointer: 'kefu.rules/1', ...pointer }))).toEqual({ kind: 'pointer', pointer });
    expect(readHead('{"shop":{}}')).toEqual({ kind: 'legacy', raw: '{"shop":{}}' });
    expect(readHead('{"shop":')).toEqual({ kind: 'legacy', raw: '{"shop":' });
    expect(readHead('[1]').kind).toBe('legacy');
    expect(readHead(JSON.stringify({ pointer: 'kefu.rules/9', version: 1 })).kind).toBe('broken');
    // A long value is a document: no pointer is that big.
    const long = JSON.stringify({ pointer: 'kefu.rules/1', ...pointer, message: 'x'.repeat(20_000) });
    expect(readHead(long).kind).toBe('legacy');
  });
});

describe('RulesStore push', () => {
  it('should write version 1 and point at it, with metadata, and resolve to the document', async () => {
    const { kv, store } = setup();
    const document = repoRules();
    const result = await pushed(store, GLOBAL, document);
    expect(result).toEqual({ kind: 'pushed', version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), parent: null });
    expect(kv.entries.get('rules:global@1')?.value).toBe(JSON.stringify(document));
    const head = readHead(kv.entries.get('rules:global')!.value);
    expect(head).toEqual({ kind: 'pointer', pointer: { version: 1, sha256: result.sha256, publishedAt: clock, author: '店长', message: 'test' } });
    const list = await store.versions(GLOBAL);
    expect(list).toEqual({ scope: 'global', key: 'rules:global', active: 1, legacy: false, versions: [{ version: 1, sha256: result.sha256, publishedAt: clock, author: '店长', message: 'test', parent: null, bytes: expect.any(Number), active: true }] });
    const resolved = await store.resolve('jd', 's1');
    expect(resolved.outcome.kind).toBe('ok');
    expect(resolved.combination).toBe('global@1');
    expect(resolved.layers.map((l) => [l.key, l.exists, l.label])).toEqual([['rules:global', true, 'rules:global@1'], ['rules:platform:jd', false, 'rules:platform:jd'], ['rules:shop:jd:s1', false, 'rules:shop:jd:s1']]);
  });

  it('should say unchanged and write nothing when the document is the active one', async () => {
    const { kv, store } = setup();
    const first = await pushed(store, GLOBAL, repoRules());
    const before = snapshot(kv);
    expect(await store.push(GLOBAL, { document: repoRules(), ...who, now: now() })).toEqual({ kind: 'unchanged', version: 1, sha256: first.sha256 });
    expect(snapshot(kv)).toEqual(before);
  });

  it('should number versions on, each naming its parent', async () => {
    const { store } = setup();
    await pushed(store, GLOBAL, repoRules());
    const second = repoRules();
    (second.shop as { name: string }).name = '二号店';
    expect(await pushed(store, GLOBAL, second)).toMatchObject({ version: 2, parent: 1 });
    const list = await store.versions(GLOBAL);
    expect(list.versions.map((v) => [v.version, v.parent, v.active])).toEqual([[2, 1, true], [1, null, false]]);
    const v1 = await store.version(GLOBAL, 1);
    expect(v1.kind === 'found' && (v1.document as { shop: { name: string } }).shop.name).toBe('本店');
    expect(await store.version(GLOBAL, 3)).toEqual({ kind: 'not_found' });
  });

  it('should refuse an invalid document with the field paths, and change nothing', async () => {
    const { kv, store } = setup();
    await pushed(store, GLOBAL, repoRules());
    const before = snapshot(kv);
    const bad = repoRules();
    (bad.shop as { defaultCourier: string }).defaultCourier = '不存在快递';
    const result = await store.push(GLOBAL, { document: bad, ...who, now: now() });
    expect(result).toEqual({ kind: 'invalid', errors: [{ path: 'shop.defaultCourier', message: 'must be one of shop.couriers (in rules:global (candidate))' }], lint: [] });
    expect(await store.push(GLOBAL, { document: { ...repoRules(), shpo: {} }, ...who, now: now() })).toMatchObject({ kind: 'invalid', errors: [{ path: 'shpo' }] });
    expect(await store.push(GLOBAL, { document: [], ...who, now: now() })).toMatchObject({ kind: 'invalid', errors: [{ path: '(root)' }] });
    expect(snapshot(kv)).toEqual(before);
  });

  it('should block on lint errors and let warnings through', async () => {
    const { store } = setup();
    const banned = repoRules();
    (banned.scripts as { closing: string[] }).closing = ['全网最低价，欢迎再来~'];
    const refused = await store.push(GLOBAL, { document: banned, ...who, now: now() });
    expect(refused.kind).toBe('invalid');
    expect(refused.kind === 'invalid' && refused.lint.filter((f) => f.level === 'error').map((f) => [f.path, f.code])).toEqual([['scripts.closing[0]', 'absolute-term'], ['scripts.closing[0]', 'absolute-term']]);
    const warned = repoRules();
    (warned.faq as { examples: string[] }[])[0]!.examples = ['一个例子'];
    const check = await store.check(GLOBAL, warned);
    expect(check.ok).toBe(true);
    expect(check.lint.some((f) => f.level === 'warning' && f.code === 'few-examples')).toBe(true);
    expect((await store.push(GLOBAL, { document: warned, ...who, now: now() })).kind).toBe('pushed');
  });

  it('should refuse a push when the pointer moved (expectActive)', async () => {
    const { kv, store } = setup();
    expect((await store.push(GLOBAL, { document: repoRules(), ...who, now: now(), expectActive: 1 }))).toEqual({ kind: 'conflict', active: null, expected: 1 });
    await pushed(store, GLOBAL, repoRules(), { expectActive: null });
    const changed = repoRules();
    (changed.shop as { returnDays: number }).returnDays = 15;
    const before = snapshot(kv);
    expect(await store.push(GLOBAL, { document: changed, ...who, now: now(), expectActive: null })).toEqual({ kind: 'conflict', active: 1, expected: null });
    expect(snapshot(kv)).toEqual(before);
    expect(await pushed(store, GLOBAL, changed, { expectActive: 1 })).toMatchObject({ version: 2 });
  });

  it('should fit a long message into KV metadata (1,024 bytes), keeping it whole in the pointer', async () => {
    const { kv, store } = setup();
    const message = '改'.repeat(1000);
    await pushed(store, GLOBAL, repoRules(), { message });
    const meta = kv.entries.get('rules:global@1')!.metadata!;
    expect(new TextEncoder().encode(meta).length).toBeLessThanOrEqual(1024);
    expect(meta).toMatch(/^[\x20-\x7e]+$/); // ASCII: local KV passes metadata in an HTTP header
    expect((await store.versions(GLOBAL)).versions[0]!.message).toMatch(/^改+…$/);
    expect(readHead(kv.entries.get('rules:global')!.value)).toMatchObject({ pointer: { message } });
  });

  it('should never overwrite a version, even one the listing does not show yet', async () => {
    const kv = new LaggingKv();
    const store = new RulesStore(kv);
    await pushed(store, GLOBAL, repoRules());
    kv.hidden.add('rules:global@2');
    await kv.put('rules:global@2', '{"written":"elsewhere"}');
    const changed = repoRules();
    (changed.shop as { returnDays: number }).returnDays = 30;
    expect(await pushed(store, GLOBAL, changed)).toMatchObject({ version: 3, parent: 1 });
    expect(kv.entries.get('rules:global@2')?.value).toBe('{"written":"elsewhere"}');
  });
});

describe('RulesStore layers', () => {
  const shopLayer = () => ({
    shop: { name: '旗舰店', returnDays: 15 },
    faq: [{ id: 'courier', remove: true }, { id: 'gift', intent: 'other', keywords: { any: ['赠品', '礼品'] }, examples: ['有赠品吗', '送礼品吗'], answers: ['亲,下单就送小礼品哦~'] }],
  });

  it('should validate a shop layer merged with global and platform, and resolve the shop with it', async () => {
    const { store } = setup();
    await pushed(store, GLOBAL, repoRules());
    await pushed(store, PLATFORM, { policies: { faq: { answerAt: 0.6 } } });
    const check = await store.check(SHOP, shopLayer());
    expect(check).toMatchObject({ ok: true, errors: [], resolvedFor: { platform: 'jd', shop: 's1', layers: ['rules:global@1', 'rules:platform:jd@1', 'rules:shop:jd:s1 (candidate)'] } });
    await pushed(store, SHOP, shopLayer());
    const resolved = await store.resolve('jd', 's1');
    expect(resolved.combination).toBe('global@1+platform@1+shop@1');
    if (resolved.outcome.kind !== 'ok') throw new Error(JSON.stringify(resolved.outcome));
    const { rules } = resolved.outcome;
    expect(rules.shop).toMatchObject({ name: '旗舰店', returnDays: 15, shipWithinHours: 48 });
    expect(rules.policies.faq.answerAt).toBe(0.6);
    expect(rules.faq.map((r) => r.id)).not.toContain('courier');
    expect(rules.faq.at(-1)?.id).toBe('gift');
    // Another shop, and the platform without a shop, see no shop layer.
    const other = await store.resolve('jd', 's2');
    expect(other.outcome.kind === 'ok' && other.outcome.rules.shop.name).toBe('本店');
    expect((await store.resolve('jd')).layers.map((l) => l.scope)).toEqual(['global', 'platform']);
  });

  it('should say which layers were merged when the merged document is invalid', async () => {
    const { kv, store } = setup();
    await pushed(store, GLOBAL, repoRules());
    const before = snapshot(kv);
    const result = await store.push(SHOP, { document: { shop: { defaultCourier: '火箭快递' } }, ...who, now: now() });
    expect(result).toEqual({ kind: 'invalid', errors: [{ path: 'shop.defaultCourier', message: 'must be one of shop.couriers (merged rules:global@1 + rules:shop:jd:s1 (candidate))' }], lint: [] });
    expect(snapshot(kv)).toEqual(before);
  });

  it('should validate a global push with the platform layer and no shop layer', async () => {
    const { store } = setup();
    // A partial platform layer cannot stand on its own: nothing to merge it with yet.
    expect((await store.push(PLATFORM, { document: { shop: { name: '京东店' } }, ...who, now: now() })).kind).toBe('invalid');
    await pushed(store, GLOBAL, repoRules());
    await pushed(store, PLATFORM, { shop: { name: '京东店' } });
    const next = repoRules();
    (next.shop as { couriers: string[] }).couriers = ['顺丰速运'];
    const check = await store.check(GLOBAL, next);
    expect(check.resolvedFor).toEqual({ platform: 'jd', shop: null, layers: ['rules:global (candidate)', 'rules:platform:jd@1'] });
    expect(check.errors).toEqual([{ path: 'shop.defaultCourier', message: 'must be one of shop.couriers (merged rules:global (candidate) + rules:platform:jd@1)' }]);
  });

  it('should not write anything on check', async () => {
    const { kv, store } = setup();
    await store.check(SHOP, shopLayer());
    await store.check(GLOBAL, repoRules());
    expect(kv.calls.filter((c) => c.startsWith('put'))).toEqual([]);
  });

  it('should report a pointer naming a version not readable yet as transient', async () => {
    const { kv, store } = setup();
    await pushed(store, GLOBAL, repoRules());
    await kv.put('rules:global', JSON.stringify({ pointer: 'kefu.rules/1', version: 7, sha256: 'x', publishedAt: 1, author: 'a', message: 'm' }));
    const resolved = await store.resolve('jd');
    expect(resolved.outcome).toEqual({ kind: 'invalid', errors: [{ path: '(root)', message: 'rules:global points at version 7, which is not readable (yet) (in rules:global@7)' }], blame: 'rules:global', transient: true });
  });

  it('should read versions from a cache when given one, and fetch only the pointers', async () => {
    const { kv, store } = setup();
    await pushed(store, GLOBAL, repoRules());
    const cache = new Map<string, CachedVersion>();
    const cached = new RulesStore(kv, { cache });
    await cached.resolve('jd', 's1');
    kv.calls.length = 0;
    expect((await cached.resolve('jd', 's1')).outcome.kind).toBe('ok');
    expect(kv.calls.sort()).toEqual(['get rules:global', 'get rules:platform:jd', 'get rules:shop:jd:s1']);
  });
});

describe('RulesStore rollback', () => {
  async function threeVersions() {
    const { kv, store } = setup();
    for (const days of [7, 15, 30]) {
      const doc = repoRules();
      (doc.shop as { returnDays: number }).returnDays = days;
      await pushed(store, GLOBAL, doc);
    }
    return { kv, store };
  }
  const returnDays = async (store: RulesStore) => {
    const r = await store.resolve('jd');
    return r.outcome.kind === 'ok' ? r.outcome.rules.shop.returnDays : undefined;
  };

  it('should re-point to the previous version by default, writing no version', async () => {
    const { kv, store } = await threeVersions();
    expect(await store.rollback(GLOBAL, { author: '值班', now: now() })).toEqual({ kind: 'rolled_back', version: 2, from: 3 });
    expect(readHead(kv.entries.get('rules:global')!.value)).toMatchObject({ pointer: { version: 2, rolledBackFrom: 3, author: '值班', message: 'rollback to version 2' } });
    expect([...kv.entries.keys()].filter((k) => k.includes('@')).sort()).toEqual(['rules:global@1', 'rules:global@2', 'rules:global@3']);
    expect(await returnDays(store)).toBe(15);
    // Again: the parent of version 2.
    expect(await store.rollback(GLOBAL, { author: '值班', now: now() })).toEqual({ kind: 'rolled_back', version: 1, from: 2 });
    expect(await store.rollback(GLOBAL, { author: '值班', now: now() })).toEqual({ kind: 'not_found', reason: 'rules:global@1 has no previous version' });
    expect((await store.versions(GLOBAL)).versions.map((v) => v.active)).toEqual([false, false, true]);
  });

  it('should roll forward to a named version, refuse unknown ones and a moved pointer', async () => {
    const { store } = await threeVersions();
    await store.rollback(GLOBAL, { version: 1, author: 'a', now: now() });
    expect(await store.rollback(GLOBAL, { version: 3, author: 'a', message: '恢复', now: now(), expectActive: 1 })).toEqual({ kind: 'rolled_back', version: 3, from: 1 });
    expect(await store.rollback(GLOBAL, { version: 9, author: 'a', now: now() })).toEqual({ kind: 'not_found', reason: 'rules:global has no version 9' });
    expect(await store.rollback(GLOBAL, { version: 2, author: 'a', now: now(), expectActive: 1 })).toEqual({ kind: 'conflict', active: 3, expected: 1 });
    expect(await returnDays(store)).toBe(30);
  });

  it('should refuse to roll back to a version that does not validate now', async () => {
    const { kv, store } = await threeVersions();
    await kv.put('rules:global@4', JSON.stringify({ ...repoRules(), shop: { name: '' } }), { metadata: { version: 4, sha256: 'x', publishedAt: 1, author: 'a', message: 'bad', parent: 3, bytes: 10 } });
    const before = snapshot(kv);
    const result = await store.rollback(GLOBAL, { version: 4, author: 'a', now: now() });
    expect(result.kind).toBe('invalid');
    expect(snapshot(kv)).toEqual(before);
  });

  it('should find every version across list pages', async () => {
    const { kv } = setup({ pageSize: 2 });
    const store = new RulesStore(kv);
    for (const days of [1, 2, 3, 4, 5]) {
      const doc = repoRules();
      (doc.shop as { returnDays: number }).returnDays = days;
      await pushed(store, GLOBAL, doc);
    }
    expect((await store.versions(GLOBAL)).versions.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
  });
});

describe('legacy documents', () => {
  it('should use a hand-written document at a base key as is', async () => {
    const { kv, store } = setup();
    kv.putRaw('rules:global', JSON.stringify(repoRules()));
    kv.putRaw('rules:shop:jd:s1', JSON.stringify({ shop: { name: '手写店' } }));
    const resolved = await store.resolve('jd', 's1');
    expect(resolved.combination).toBe('global#legacy+shop#legacy');
    expect(resolved.layers.filter((l) => l.exists).map((l) => [l.label, l.legacy, l.active])).toEqual([['rules:global (legacy)', true, null], ['rules:shop:jd:s1 (legacy)', true, null]]);
    expect(resolved.outcome.kind === 'ok' && resolved.outcome.rules.shop.name).toBe('手写店');
    expect(await store.versions(GLOBAL)).toEqual({ scope: 'global', key: 'rules:global', active: null, legacy: true, versions: [] });
  });

  it('should report a legacy value that is not JSON, naming its key', async () => {
    const { kv, store } = setup();
    kv.putRaw('rules:global', '{"shop":');
    const resolved = await store.resolve('jd');
    expect(resolved.outcome).toMatchObject({ kind: 'invalid', blame: 'rules:global', transient: false, errors: [{ path: '(root)', message: expect.stringMatching(/^not JSON: .* \(in rules:global \(legacy\)\)$/) }] });
  });

  it('should keep a legacy document as a version when pushing over it, so a rollback returns to it', async () => {
    const { kv, store } = setup();
    const legacy = JSON.stringify(repoRules());
    kv.putRaw('rules:global', legacy);
    const changed = repoRules();
    (changed.shop as { name: string }).name = '新店名';
    expect(await pushed(store, GLOBAL, changed, { expectActive: null })).toMatchObject({ version: 2, parent: 1, imported: 1 });
    expect(kv.entries.get('rules:global@1')?.value).toBe(legacy);
    expect((await store.versions(GLOBAL)).versions.map((v) => [v.version, v.author, v.active])).toEqual([[2, '店长', true], [1, '(hand-written)', false]]);
    expect(await store.rollback(GLOBAL, { author: 'a', now: now() })).toEqual({ kind: 'rolled_back', version: 1, from: 2 });
    const resolved = await store.resolve('jd');
    expect(resolved.outcome.kind === 'ok' && resolved.outcome.rules.shop.name).toBe('本店');
  });
});

describe('firstVersionEntries', () => {
  it('should seed version 1 and its pointer in one bulk write', async () => {
    const text = JSON.stringify(repoRules());
    const entries = await firstVersionEntries('rules:global', text, { now: 5, author: 'cs stack', message: 'seeded from rules/' });
    expect(entries.map((e) => e.key)).toEqual(['rules:global@1', 'rules:global']);
    const kv = new MemoryKv();
    for (const e of entries) await kv.put(e.key, e.value, e.metadata === undefined ? {} : { metadata: e.metadata });
    const store = new RulesStore(kv);
    expect((await store.versions(GLOBAL)).versions).toEqual([{ version: 1, sha256: expect.any(String), publishedAt: 5, author: 'cs stack', message: 'seeded from rules/', parent: null, bytes: new TextEncoder().encode(text).length, active: true }]);
    expect((await store.resolve('jd')).outcome.kind).toBe('ok');
    expect(await store.push(GLOBAL, { document: JSON.parse(text), ...who, now: now() })).toMatchObject({ kind: 'unchanged', version: 1 });
  });
});

/** KV whose listing has not caught up with some writes yet (as away from the writer). */
class LaggingKv extends MemoryKv {
  readonly hidden = new Set<string>();

  override async list(options: { prefix: string; cursor?: string | null; limit?: number }) {
    const page = await super.list(options);
    return { ...page, keys: page.keys.filter((k) => !this.hidden.has(k.name)) };
  }
}
