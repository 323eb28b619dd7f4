import { standIns, startSandbox, type Sandbox } from '@kefu/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudflareApiError, CloudflareKv } from './cloudflare-kv.ts';

// The sandbox plays Cloudflare's KV REST API at its real paths, checking the bearer token.
const cloudflare = standIns.find((s) => s.name === 'cloudflare-kv');
const credentials = cloudflare?.credentials as { CLOUDFLARE_API_TOKEN: string; CLOUDFLARE_ACCOUNT_ID: string };
let sandbox: Sandbox;
let kv: CloudflareKv;
beforeAll(async () => {
  sandbox = await startSandbox({ standIns: cloudflare ? [cloudflare] : [], config: credentials });
  kv = new CloudflareKv({ token: credentials.CLOUDFLARE_API_TOKEN, accountId: credentials.CLOUDFLARE_ACCOUNT_ID, namespaceId: 'ns-1', baseUrl: `${sandbox.url}/client/v4` });
});
afterAll(() => sandbox.close());

describe('CloudflareKv (REST API with the binding shapes)', () => {
  it('should read back a value and its metadata, keys with ":" and "@" intact', async () => {
    const doc = JSON.stringify({ shop: { name: '小店' }, faq: [] });
    await kv.put('rules:shop:jd:店@2', doc, { metadata: { version: 2, author: 'ops' } });
    expect(await kv.get('rules:shop:jd:店@2')).toBe(doc);
    expect(await kv.getWithMetadata('rules:shop:jd:店@2')).toEqual({ value: doc, metadata: { version: 2, author: 'ops' } });
  });

  it('should answer null for a missing key, not throw', async () => {
    expect(await kv.get('rules:nothing')).toBeNull();
    expect(await kv.getWithMetadata('rules:nothing')).toEqual({ value: null, metadata: null });
  });

  it('should list by prefix in key order and page with the cursor', async () => {
    for (let i = 1; i <= 12; i += 1) await kv.put(`rules:global@${String(i).padStart(3, '0')}`, '{}', { metadata: { version: i } });
    await kv.put('rules:globalx', '{}');
    const first = await kv.list({ prefix: 'rules:global@', limit: 10 });
    expect(first.keys.map((k) => k.name)).toEqual(Array.from({ length: 10 }, (_, i) => `rules:global@${String(i + 1).padStart(3, '0')}`));
    expect(first.list_complete).toBe(false);
    const second = await kv.list({ prefix: 'rules:global@', cursor: first.cursor, limit: 10 });
    expect(second.keys.map((k) => (k.metadata as { version: number }).version)).toEqual([11, 12]);
    expect(second.list_complete).toBe(true);
  });

  it('should fail with Cloudflare’s reason on a bad token', async () => {
    const bad = new CloudflareKv({ token: 'wrong', accountId: credentials.CLOUDFLARE_ACCOUNT_ID, namespaceId: 'ns-1', baseUrl: `${sandbox.url}/client/v4` });
    const error = await bad.put('k', 'v').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudflareApiError);
    expect((error as CloudflareApiError).status).toBe(403);
    expect(String(error)).toContain('10000 Authentication error');
    await expect(bad.get('k')).rejects.toThrow(/HTTP 403/);
  });
});
