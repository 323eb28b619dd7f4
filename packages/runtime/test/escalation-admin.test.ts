import { env, SELF } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, prepareStack, sandboxClient, settled, testRules, type TestEnv } from '../src/contract/index.ts';

const testEnv = env as unknown as TestEnv;
const sandbox = sandboxClient(testEnv.SANDBOX_URL);
const shop = 'admin-shop';
const auth = { authorization: 'Bearer local-inspect' };
let n = 0;
const buyer = () => `adm-${Date.now().toString(36)}-${(n += 1)}`;

function message(buyerId: string, text: string, shopId = shop) {
  const body = JSON.stringify({ id: `${buyerId}-m`, shop: shopId, buyer: buyerId, text });
  return SELF.fetch(new Request('https://kefu.test/webhooks/test', { method: 'POST', body, headers: { 'x-test-app': 'test-app', 'x-test-secret': 'test-secret' } }));
}

const get = (path: string, headers: Record<string, string> = auth) => SELF.fetch(`https://kefu.test${path}`, { headers });
const retry = (id: string, headers: Record<string, string> = auth) => SELF.fetch(`https://kefu.test/__kefu/dead-letters/${encodeURIComponent(id)}/retry`, { method: 'POST', headers });

type Escalation = { id: string; shop: string; buyer: string; status: string; title: string; openedAt: number };
type DeadLetter = { id: string; kind: string; reason: string; attempts: number | null; state: string; retryable: boolean; notRetryable?: string; retriedAt: number | null; retryCount: number; preview?: string; buyer?: string };

const escalations = async (query: string) => ((await (await get(`/__kefu/escalations?${query}`)).json()) as { platform: string; escalations: Escalation[] });
const deadLetter = async (id: string) => ((await (await get('/__kefu/dead-letters?limit=200')).json()) as { deadLetters: DeadLetter[] }).deadLetters.find((d) => d.id === id);
const deliveryStatus = async (id: string) => (await testEnv.DB.prepare('SELECT status FROM deliveries WHERE id = ?').bind(id).first<{ status: string }>())?.status;
/** The sends the test platform accepted for one job. */
const accepted = async (jobId: string) => (await sandbox.requests('recorder:test-platform')).filter((r) => r.status === 200 && (r.parsed as { id?: string } | undefined)?.id === jobId);

/** A buyer's reply that the platform refused on every attempt: the queue dead-letters it. */
async function deadReply(b: string): Promise<string> {
  expect((await message(b, '在吗')).status).toBe(200);
  const row = await eventually(async () => (await testEnv.DB.prepare("SELECT id FROM dead_letters WHERE kind = 'send' AND id LIKE ?").bind(`${b}-m#%`).first<{ id: string }>()) ?? undefined, `the dead letter of ${b}`);
  return row.id;
}

beforeAll(() => prepareStack(testEnv));
afterAll(() => sandbox.faults('recorder:test-platform', {}));

describe('admin routes: access and queries', () => {
  it('should need the inspection token on every route', async () => {
    for (const path of ['/__kefu/escalations', '/__kefu/dead-letters']) {
      expect((await get(path, {})).status).toBe(401);
      expect((await get(path, { authorization: 'Bearer guess' })).status).toBe(401);
    }
    expect((await retry('anything', {})).status).toBe(401);
  });

  it('should answer 400 naming the field for a bad query', async () => {
    const bad = async (path: string, field: string) => {
      const response = await get(path);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toContain(field);
    };
    await bad('/__kefu/escalations?status=pending', 'status');
    await bad('/__kefu/escalations?limit=abc', 'limit');
    await bad('/__kefu/escalations?limit=0', 'limit');
    await bad('/__kefu/escalations?stauts=open', 'stauts');
    await bad('/__kefu/dead-letters?limit=1000', 'limit');
    expect((await get('/__kefu/escalations?status=&shop=&limit=')).status).toBe(200); // a blank form field is no filter
  });

  it('should answer 404 for an unknown dead letter', async () => {
    const response = await retry('no-such-letter');
    expect(response.status).toBe(404);
  });
});

describe('escalations list', () => {
  it('should list a complaint as an open escalation, newest first, filtered by status and shop', async () => {
    const [first, second] = [buyer(), buyer()];
    for (const b of [first, second]) {
      await message(b, '东西是坏的，再不处理我就去12315投诉');
      await settled(testEnv, { platform: 'jd', shopId: shop, buyerId: b });
    }
    const open = await escalations(`status=open&shop=${shop}`);
    expect(open.platform).toBe('jd');
    const mine = open.escalations.filter((e) => e.buyer === first || e.buyer === second);
    expect(mine.map((e) => e.buyer)).toEqual([second, first]);
    expect(mine[0]).toMatchObject({ shop, status: 'open', title: '买家投诉/差评风险' });
    expect((await escalations(`status=closed&shop=${shop}`)).escalations.some((e) => e.buyer === first)).toBe(false);
    expect((await escalations('shop=another-shop')).escalations).toEqual([]);
    expect((await escalations(`shop=${shop}&limit=1`)).escalations).toHaveLength(1);
  });
});

describe('dead letters: list and retry', () => {
  let single = '';
  let raced = '';
  let redead = '';

  beforeAll(async () => {
    await sandbox.faults('recorder:test-platform', { failRate: 1 });
    [single, raced, redead] = await Promise.all([deadReply(buyer()), deadReply(buyer()), deadReply(buyer())]);
    await sandbox.faults('recorder:test-platform', {});
  });

  it('should list a reply the platform kept refusing as a retryable dead letter', async () => {
    const letter = await deadLetter(single);
    expect(letter).toMatchObject({ kind: 'send', state: 'dead', retryable: true, retriedAt: null, retryCount: 0 });
    expect(letter?.reason).toMatch(/^retries exhausted: status 503/);
    expect(letter?.attempts).toBeGreaterThan(1);
    expect(letter?.preview).toBeTruthy();
    expect(await accepted(single)).toEqual([]);
  });

  it('should deliver a retried dead letter exactly once, and refuse to send it again', async () => {
    const response = await retry(single);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: single, requeued: true, retryCount: 1 });
    await eventually(async () => (await deliveryStatus(single)) === 'sent', 'the retried reply to be sent');
    expect(await accepted(single)).toHaveLength(1);
    const row = await testEnv.DB.prepare('SELECT retried_at, retry_count FROM dead_letters WHERE id = ?').bind(single).first<{ retried_at: number | null; retry_count: number }>();
    expect(row?.retried_at).toEqual(expect.any(Number));
    expect(row?.retry_count).toBe(1);
    expect(await deadLetter(single)).toMatchObject({ state: 'delivered', retryCount: 1 });

    const again = await retry(single);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('already_delivered');
    expect(await accepted(single)).toHaveLength(1);
  });

  it('should send once when two retries race', async () => {
    const statuses = (await Promise.all([retry(raced), retry(raced)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    await eventually(async () => (await deliveryStatus(raced)) === 'sent', 'the raced reply to be sent');
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a duplicate, were there one
    expect(await accepted(raced)).toHaveLength(1);
  });

  it('should dead-letter a retry that fails again, and let it be retried once more', async () => {
    await sandbox.faults('recorder:test-platform', { failRate: 1 });
    expect((await retry(redead)).status).toBe(200);
    const letter = await eventually(async () => {
      const l = await deadLetter(redead);
      return l?.state === 'dead' && l.retriedAt !== null && l.retryCount === 1 ? l : undefined;
    }, 'the retry to be dead-lettered again');
    expect(letter.reason).toMatch(/^retries exhausted/);
    await sandbox.faults('recorder:test-platform', {});
    expect(await (await retry(redead)).json()).toMatchObject({ requeued: true, retryCount: 2 });
    await eventually(async () => (await deliveryStatus(redead)) === 'sent', 'the second retry to be sent');
    expect(await accepted(redead)).toHaveLength(1);
  });

  it('should mask buyer data in what the list shows', async () => {
    const id = `${buyer()}-m#masked`;
    const job = { kind: 'send', id, reply: { actionId: id, platform: 'jd', shopId: shop, buyerId: 'masked-buyer', text: '已为您登记电话13812345678' } };
    await testEnv.DB.prepare("INSERT INTO dead_letters (id, kind, platform, shop_id, job, reason, at) VALUES (?, 'send', 'jd', ?, ?, ?, ?)")
      .bind(id, shop, JSON.stringify(job), 'refused: echo 13812345678', Date.now())
      .run();
    const letter = await deadLetter(id);
    expect(letter?.preview).toContain('138****5678');
    expect(letter?.reason).toContain('138****5678');
    expect(JSON.stringify(letter)).not.toContain('13812345678');
  });

  it('should retry a dead-lettered log write through the consumer and settle it', async () => {
    const b = buyer();
    const id = `log:${b}-e`;
    const conversation = { platform: 'jd', shopId: shop, buyerId: b };
    const job = { kind: 'log', id, event: { eventId: `${b}-e`, conversation, kind: 'buyer_message', text: '在吗', at: Date.now() }, actions: [] };
    await testEnv.DB.batch([
      testEnv.DB.prepare("INSERT INTO dead_letters (id, kind, platform, shop_id, job, reason, at) VALUES (?, 'log', 'jd', ?, ?, 'retries exhausted: D1 down', ?)").bind(id, shop, JSON.stringify(job), Date.now()),
      testEnv.DB.prepare("INSERT INTO deliveries (id, kind, status, attempts, last_error, updated_at) VALUES (?, 'log', 'dead', 0, 'D1 down', ?)").bind(id, Date.now()),
    ]);
    expect((await retry(id)).status).toBe(200);
    await eventually(async () => (await deliveryStatus(id)) === 'sent', 'the log write to settle');
    expect(await testEnv.DB.prepare('SELECT text FROM conversation_log WHERE event_id = ?').bind(`${b}-e`).first()).toEqual({ text: '在吗' });
    expect((await retry(id)).status).toBe(409);
  });
});

describe('team-channel dead letters', () => {
  it('should list a notice a channel outbox gave up on as not retryable, saying why', async () => {
    const nochan = 'admin-nochan';
    const rules = testRules(testEnv);
    rules.notify = { routes: [{ minSeverity: 'normal', channels: ['missing'], mention: [] }], claimLinkMinutes: 30 };
    await env.RULES.put(`rules:shop:jd:${nochan}`, JSON.stringify(rules));
    const b = buyer();
    await message(b, '我要投诉你们', nochan);
    const row = await eventually(async () => (await testEnv.DB.prepare("SELECT id FROM dead_letters WHERE id LIKE 'missing:%' AND id LIKE ?").bind(`%${b}%`).first<{ id: string }>()) ?? undefined, 'the outbox dead letter');
    const letter = await deadLetter(row.id);
    expect(letter).toMatchObject({ kind: 'notify', retryable: false, attempts: null, state: 'dead' });
    expect(letter?.notRetryable).toContain('team-channel outbox');
    expect(letter?.reason).toContain('no channel "missing"');
    const response = await retry(row.id); // the id holds | and %xx: it must reach the route intact
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_retryable');
  });
});
