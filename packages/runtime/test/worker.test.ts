import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeAdapterContract, eventually, prepareStack, sandboxClient, settled, testRules, type BuyerText, type TestEnv } from '../src/contract/index.ts';

const testEnv = env as unknown as TestEnv;
const sandbox = sandboxClient(testEnv.SANDBOX_URL);

function post(body: string, headers: Record<string, string> = {}) {
  return new Request('https://kefu.test/webhooks/test', { method: 'POST', body, headers: { 'x-test-app': 'test-app', 'x-test-secret': 'test-secret', ...headers } });
}
const message = (m: BuyerText, headers?: Record<string, string>) => post(JSON.stringify({ id: m.messageId, shop: 'shop', buyer: m.buyerId, text: m.text }), headers);

// The glue passes the same contract as every real adapter, on a platform with nothing else to it.
describeAdapterContract({
  platform: 'jd',
  shopId: 'shop',
  buyerMessage: async (m) => message(m),
  forged: async (m) => message(m, { 'x-test-secret': 'guess' }),
  wrongApp: async (m) => message(m, { 'x-test-app': 'other-app' }),
  replayed: { skip: 'the test platform carries no timestamp' },
  malformed: async () => post('{"id":'),
  oversized: async () => post('x'.repeat(5000)),
  expectAck: async (response) => {
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  },
  sendChannel: 'recorder:test-platform',
  recipientOf: (r) => (r.parsed as { to?: string } | undefined)?.to,
});

describe('outbound queue and log', () => {
  beforeAll(() => prepareStack(testEnv));
  let n = 0;
  const buyer = () => `reliable-${(n += 1)}`;

  it('should lose nothing when the platform fails half its calls: every reply sent once or dead-lettered', async () => {
    await sandbox.faults('recorder:test-platform', { failRate: 0.5 });
    const buyers = Array.from({ length: 6 }, buyer);
    for (const b of buyers) expect((await SELF.fetch(message({ buyerId: b, messageId: `${b}-m`, text: '你好 什么时候发货' }))).status).toBe(200);
    for (const b of buyers) await settled(testEnv, { platform: 'jd', shopId: 'shop', buyerId: b });
    const rows = (await testEnv.DB.prepare("SELECT id, status FROM deliveries WHERE id LIKE 'reliable-%'").all<{ id: string; status: string }>()).results;
    expect(rows).toHaveLength(12);
    const dead = rows.filter((r) => r.status === 'dead').map((r) => r.id);
    const letters = (await testEnv.DB.prepare("SELECT id FROM dead_letters WHERE id LIKE 'reliable-%'").all<{ id: string }>()).results.map((r) => r.id);
    expect(letters.sort()).toEqual(dead.sort());
    const accepted = (await sandbox.requests('recorder:test-platform')).filter((r) => r.status === 200 && String((r.parsed as { to: string }).to).startsWith('reliable-'));
    expect(accepted.map((r) => (r.parsed as { id: string }).id).sort()).toEqual(rows.filter((r) => r.status === 'sent').map((r) => r.id).sort());
    expect(accepted.length + dead.length).toBe(12);
    await sandbox.faults('recorder:test-platform', {});
  });

  it('should dead-letter a reply the platform keeps failing, not drop it', async () => {
    await sandbox.faults('recorder:test-platform', { failRate: 1 });
    const b = buyer();
    await SELF.fetch(message({ buyerId: b, messageId: `${b}-m`, text: '在吗' }));
    const dead = await eventually(async () => (await testEnv.DB.prepare('SELECT id, reason FROM dead_letters WHERE id LIKE ?').bind(`${b}-m#%`).all<{ id: string; reason: string }>()).results.at(0), 'a dead letter');
    expect(dead.reason).toMatch(/^retries exhausted: status 503/);
    await sandbox.faults('recorder:test-platform', {});
  });

  it('should escalate a complaint to the team channel with the buyer data masked', async () => {
    const b = buyer();
    await SELF.fetch(message({ buyerId: b, messageId: `${b}-m`, text: '你们再不处理我就打12315投诉，电话13812345678' }));
    await settled(testEnv, { platform: 'jd', shopId: 'shop', buyerId: b });
    const notices = (await sandbox.requests('team:test-team')).filter((r) => (r.parsed as { escalation?: { id: string } }).escalation?.id.includes(`|${b}|`));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toContain('138****5678');
    expect(notices[0]?.body).not.toContain('13812345678');
    expect(notices[0]?.headers['x-kefu-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const logged = await testEnv.DB.prepare('SELECT text FROM conversation_log WHERE event_id = ?').bind(`${b}-m`).first<{ text: string }>();
    expect(logged?.text).toContain('138****5678');
  });

  it('should alert the team once when bad rules are written, and keep answering', async () => {
    const good = testRules(testEnv);
    await SELF.fetch(message({ buyerId: buyer(), messageId: `warm-${n}`, text: '在吗' }));
    await env.RULES.put('rules:global', JSON.stringify({ ...good, faq: 'not a list' }));
    const b = buyer();
    for (const id of ['a', 'b']) expect((await SELF.fetch(message({ buyerId: b, messageId: `${b}-${id}`, text: '什么时候发货' }))).status).toBe(200);
    const alerts = await eventually(async () => {
      const found = (await sandbox.requests('team:test-team')).filter((r) => decodeURIComponent((r.parsed as { escalation?: { id: string } }).escalation?.id ?? '').includes('|rules-invalid:'));
      return found.length > 0 ? found : undefined;
    }, 'the rules alert');
    await settled(testEnv, { platform: 'jd', shopId: 'shop', buyerId: b }, 2);
    expect(new Set(alerts.map((r) => (r.parsed as { escalation: { id: string } }).escalation.id)).size).toBe(1);
    await env.RULES.put('rules:global', JSON.stringify(good));
  });
});

describe('inspection route', () => {
  beforeAll(() => prepareStack(testEnv));

  it('should show what the bot decided and why, only with the inspection token', async () => {
    await SELF.fetch(message({ buyerId: 'inspected', messageId: 'inspected-m', text: '什么时候发货' }));
    const url = 'https://kefu.test/__kefu/conversation?shop=shop&buyer=inspected';
    expect((await SELF.fetch(url)).status).toBe(401);
    expect((await SELF.fetch(url, { headers: { authorization: 'Bearer guess' } })).status).toBe(401);
    const seen = (await (await SELF.fetch(url, { headers: { authorization: 'Bearer local-inspect' } })).json()) as { actions: { kind: string; ruleId?: string; reason?: { code: string } }[] };
    expect(seen.actions.find((a) => a.kind === 'reply' && a.ruleId === 'shipping-time')?.reason?.code).toMatch(/^faq\./);
  });
});

describe('accounting routes', () => {
  beforeAll(() => prepareStack(testEnv));

  it('should account for every event: logged, its actions, and how its sends ended', async () => {
    await SELF.fetch(message({ buyerId: 'counted', messageId: 'counted-m', text: '什么时候发货' }));
    await settled(testEnv, { platform: 'jd', shopId: 'shop', buyerId: 'counted' });
    const auth = { authorization: 'Bearer local-inspect' };
    const traced = await SELF.fetch('https://kefu.test/__kefu/events', { method: 'POST', headers: auth, body: JSON.stringify({ ids: ['counted-m', 'never-sent'] }) });
    expect(await traced.json()).toEqual({
      'counted-m': { logged: true, actions: expect.any(Number), delivered: expect.any(Number), dead: 0, pending: 0 },
      'never-sent': { logged: false, actions: 0, delivered: 0, dead: 0, pending: 0 },
    });
    const stats = (await (await SELF.fetch('https://kefu.test/__kefu/stats', { headers: auth })).json()) as { events: Record<string, number> };
    expect(stats.events.buyer_message).toBeGreaterThan(0);
    expect((await SELF.fetch('https://kefu.test/__kefu/stats')).status).toBe(401);
  });
});
