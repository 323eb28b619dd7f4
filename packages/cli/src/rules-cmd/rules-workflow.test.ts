import { standIns, startSandbox, type Sandbox } from '@kefu/sandbox';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCsAsync } from '../test-support/run-cs.ts';

// `cs rules …` against Cloudflare: the rules store runs in the CLI over the KV REST API, played by
// the sandbox at its real paths with a made-up token. (`--local` against the running stack is
// tested in src/stack/stack.test.ts.)
const cloudflare = standIns.find((s) => s.name === 'cloudflare-kv');
const credentials = (cloudflare?.credentials ?? {}) as Record<string, string>;
let sandbox: Sandbox;
let env: Record<string, string>;
let work: string;
const cs = (...args: string[]) => runCsAsync(['rules', ...args, '--namespace', 'ns-test', '--author', 'ops@example.com'], env);

beforeAll(async () => {
  sandbox = await startSandbox({ standIns: cloudflare ? [cloudflare] : [], config: credentials });
  env = { ...credentials, CLOUDFLARE_API_BASE_URL: `${sandbox.url}/client/v4`, NO_COLOR: '1' } as Record<string, string>;
  work = await mkdtemp(join(tmpdir(), 'kefu-rules-'));
});
afterAll(async () => {
  await sandbox.close();
  await rm(work, { recursive: true, force: true });
});

describe('cs rules workflow (Cloudflare KV over the REST API)', () => {
  it('should refuse without API credentials, naming what is missing', async () => {
    const run = await runCsAsync(['rules', 'history', '--only', 'jd'], { CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_ACCOUNT_ID: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CLOUDFLARE_API_TOKEN');
  });

  it('should refuse an app whose wrangler.jsonc has no namespace id yet', async () => {
    const run = await runCsAsync(['rules', 'history', '--only', 'jd'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/RULES has no namespace id yet/);
  });

  it('should push the global rules, then a shop layer on top, and show the shop resolved', async () => {
    const global = await cs('push', 'rules', '--only', 'jd', '-m', 'first global rules');
    expect(global.stderr).toBe('');
    expect(global.code).toBe(0);
    expect(global.stdout).toContain('rules:global@1 active');

    const shop = await cs('push', 'examples/shop-layer', '--platform', 'jd', '--shop', 'deer-home', '-m', '店铺资料和刻字问答');
    expect(shop.code).toBe(0);
    expect(shop.stdout).toContain('rules:shop:jd:deer-home@1 active');

    const show = await cs('show', '--platform', 'jd', '--shop', 'deer-home');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/shop\s+rules:global@\d+ ← rules:shop:jd:deer-home@1/);
    expect(show.stdout).toMatch(/hours\s+rules:global@1\n/);

    const resolved = JSON.parse((await cs('show', '--platform', 'jd', '--shop', 'deer-home', '--json')).stdout) as { shop: { name: string; timezone: string }; faq: { id: string }[] };
    expect(resolved.shop).toMatchObject({ name: '小鹿家居旗舰店', timezone: 'Asia/Shanghai' }); // own name, inherited time zone
    expect(resolved.faq.map((f) => f.id)).toContain('custom-engraving');
    expect(resolved.faq.map((f) => f.id)).not.toContain('invoice'); // removed by the shop layer
  });

  it('should refuse an invalid push everywhere and change nothing', async () => {
    const bad = join(work, 'bad');
    await rm(bad, { recursive: true, force: true });
    await runCsAsync(['rules', 'pull', bad, '--platform', 'jd', '--shop', 'deer-home', '--namespace', 'ns-test'], env);
    const shopFile = join(bad, 'shop.json');
    const shopJson = JSON.parse(await readFile(shopFile, 'utf8')) as Record<string, unknown>;
    await writeFile(shopFile, JSON.stringify({ ...shopJson, defaultCourier: '不存在的快递' }));
    const run = await cs('push', bad, '--platform', 'jd', '--shop', 'deer-home', '-m', 'typo');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('shop.defaultCourier: must be one of shop.couriers');
    expect(run.stderr).toContain('nothing was pushed');
    const history = await cs('history', '--platform', 'jd', '--shop', 'deer-home');
    expect(history.stdout.match(/@\d+/g)).toEqual(['@1']);
  });

  it('should diff, push a second version, roll back to the first, and pull either', async () => {
    const edited = join(work, 'edited');
    expect((await runCsAsync(['rules', 'pull', edited, '--platform', 'jd', '--shop', 'deer-home', '--namespace', 'ns-test'], env)).code).toBe(0);
    const shopFile = join(edited, 'shop.json');
    await writeFile(shopFile, JSON.stringify({ ...(JSON.parse(await readFile(shopFile, 'utf8')) as object), returnDays: 30 }));

    const diff = await cs('diff', edited, '--platform', 'jd', '--shop', 'deer-home', '--exit-code');
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('~ shop.returnDays: 15 → 30');

    expect((await cs('push', edited, '--platform', 'jd', '--shop', 'deer-home', '-m', '退货期延长到30天')).stdout).toContain('deer-home@2 active (was @1)');
    expect((await cs('push', edited, '--platform', 'jd', '--shop', 'deer-home', '-m', 'again')).stdout).toContain('already has exactly this');
    expect((await cs('diff', edited, '--platform', 'jd', '--shop', 'deer-home', '--exit-code')).code).toBe(0);

    const history = await cs('history', '--platform', 'jd', '--shop', 'deer-home');
    expect(history.stdout).toMatch(/\* @2\s.*ops@example\.com.*退货期延长到30天/);

    const rollback = await cs('rollback', '--platform', 'jd', '--shop', 'deer-home', '-m', 'undo');
    expect(rollback.code).toBe(0);
    expect(rollback.stdout).toContain('deer-home@1 active (was @2)');

    const old = join(work, 'v2');
    expect((await runCsAsync(['rules', 'pull', old, '--platform', 'jd', '--shop', 'deer-home', '--version', '2', '--namespace', 'ns-test'], env)).code).toBe(0);
    expect(JSON.parse(await readFile(join(old, 'shop.json'), 'utf8'))).toMatchObject({ returnDays: 30 });
    const missing = await cs('rollback', '7', '--platform', 'jd', '--shop', 'deer-home');
    expect(missing.code).toBe(1);
  });

  it('should say where it wrote to: the sandbox saw only authenticated KV calls', async () => {
    const records = (await (await fetch(`${sandbox.url}/__sandbox/requests?channel=cloudflare:kv`)).json()) as { path: string; status: number }[];
    expect(records.length).toBeGreaterThan(10);
    expect(records.every((r) => r.path.startsWith(`/client/v4/accounts/${credentials.CLOUDFLARE_ACCOUNT_ID}/storage/kv/namespaces/ns-test/`))).toBe(true);
    expect(REPO_ROOT).toBeTruthy();
  });
});
