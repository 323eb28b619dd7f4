// The 抖店 message push route. It carries no buyer chat, so the shared contract suite does not fit;
// these are the same properties (signature, app, body, size, dedupe) plus what the pushes mean.
import { actionsOf, eventually, prepareStack, sandboxClient, settled, type TestEnv, teamNotices } from '@kefu/runtime/contract';
import { SELF, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOUDIAN_APP_KEY, doudianRequest, orderId, pushBody, pushItem, unique } from './support/requests.ts';

const testEnv = env as unknown as TestEnv;
const sandbox = sandboxClient(testEnv.SANDBOX_URL);
const shopId = '1234';
const ref = (order: string, shop = shopId) => ({ platform: 'douyin' as const, shopId: shop, buyerId: `order:${order}` });
const now = () => Math.floor(Date.now() / 1000);
const created = (order: string, msgId = unique('msg')) => pushItem(100, msgId, { p_id: order, s_ids: [order], shop_id: shopId, biz: 1, order_status: 1, order_type: 0, create_time: now() });

/** Byte for byte the tag-100 sample of shared/docs/vectors/sign_vectors.mjs (protocols §8). */
const VECTOR_BODY =
  '[{"tag":"100","msg_id":"7000000000000000000","data":"{\\"p_id\\":4781320682406083640,\\"shop_id\\":1234,\\"biz\\":1,\\"order_status\\":1,\\"order_type\\":0,\\"create_time\\":1700000000,\\"s_ids\\":[4781320682406083640]}"}]';

const expectAck = async (response: Response) => {
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ code: 0, msg: 'success' });
};
const expectRejected = async (response: Response, order: string) => {
  expect(response.status).toBe(401);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_signature');
  expect(await actionsOf(testEnv, ref(order))).toEqual([]);
};

describe('抖店 message push (/webhooks/doudian)', () => {
  beforeAll(() => prepareStack(testEnv));

  it('should accept the protocols §8 event-sign vector byte for byte, keeping the 64-bit order id exact', async () => {
    // The §8 vector's credentials are the sandbox's: the vector must verify as documented.
    expect(DOUDIAN_APP_KEY).toBe('7000000000000000001');
    await expectAck(await SELF.fetch(doudianRequest(VECTOR_BODY, { sign: '5741abee921f027ea0eace44a8b6d936' })));
    const actions = await settled(testEnv, ref('4781320682406083640'));
    expect(actions[0]).toMatchObject({ kind: 'schedule', purpose: 'unpaid_reminder', ref: '4781320682406083640' });
  });

  it('should accept the UNCONFIRMED hmac-sha256 event-sign when the sign-method header says so', async () => {
    const hmac = 'ac5f0a1515e18db1f74cda1746b72681a15d91af06e0e74dadb68aabcfb8cc58';
    await expectAck(await SELF.fetch(doudianRequest(VECTOR_BODY, { sign: hmac, signMethodHeader: 'hmac-sha256' })));
    const order = orderId();
    const body = pushBody(created(order));
    await expectAck(await SELF.fetch(doudianRequest(body, { method: 'hmac-sha256' })));
    await settled(testEnv, ref(order));
    // The same HMAC signature without the header is an MD5 mismatch.
    const other = orderId();
    const second = pushBody(created(other));
    await expectRejected(await SELF.fetch(doudianRequest(second, { method: 'hmac-sha256', signMethodHeader: 'md5' })), other);
  });

  it('should schedule 催付 (unpaid_reminder) for a created, unpaid order and ack the platform way', async () => {
    const order = orderId();
    await expectAck(await SELF.fetch(doudianRequest(pushBody(created(order)))));
    const actions = await settled(testEnv, ref(order));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: 'schedule', purpose: 'unpaid_reminder', ref: order });
    expect((actions[0] as { at: number }).at).toBeGreaterThan(Date.now() + 60_000);
  });

  it('should read the numeric tag and msgId spelling (fudiwei DouyinShopEvent) too', async () => {
    const order = orderId();
    const data = JSON.stringify(`{"p_id":${order},"s_ids":[${order}],"shop_id":${shopId},"create_time":${now()}}`);
    await expectAck(await SELF.fetch(doudianRequest(`[{"tag":100,"msgId":"${unique('m')}","data":${data}}]`)));
    expect((await settled(testEnv, ref(order)))[0]).toMatchObject({ kind: 'schedule', ref: order });
  });

  it('should reject a forged event-sign and do nothing', async () => {
    const order = orderId();
    await expectRejected(await SELF.fetch(doudianRequest(pushBody(created(order)), { secret: 'guessed-secret' })), order);
  });

  it('should reject a push for another app (app-id) and do nothing', async () => {
    const order = orderId();
    const body = pushBody(created(order));
    await expectRejected(await SELF.fetch(doudianRequest(body, { appId: '7000000000000000002' })), order);
    // Signed correctly for the other app, but sent with our app-id: still a mismatch.
    await expectRejected(await SELF.fetch(doudianRequest(body, { sign: doudianRequest(body, { appId: '7000000000000000002' }).headers.get('event-sign') ?? '' })), order);
  });

  it('should act once when the same push is delivered twice at once', async () => {
    const order = orderId();
    const body = pushBody(created(order, unique('dup')));
    const responses = await Promise.all([SELF.fetch(doudianRequest(body)), SELF.fetch(doudianRequest(body))]);
    for (const response of responses) await expectAck(response);
    await settled(testEnv, ref(order));
    // And once more later, as a platform retry would.
    await expectAck(await SELF.fetch(doudianRequest(body)));
    expect((await actionsOf(testEnv, ref(order))).filter((a) => a.kind === 'schedule')).toHaveLength(1);
  });

  it('should answer malformed bodies with a clear 400', async () => {
    const order = orderId();
    const bodies = [
      '{"tag":"100"}', // not an array
      '[{"tag":"100","msg_id":"m1","data":"{not json"}]', // data is not JSON
      `[{"tag":"100","msg_id":"m2","data":"{\\"shop_id\\":1234}"}]`, // no p_id
      pushBody(pushItem(100, '', { p_id: order, shop_id: shopId })), // no msg_id
      '[{"tag":"abc","msg_id":"m3","data":"{}"}]', // not a tag
    ];
    for (const body of bodies) {
      const response = await SELF.fetch(doudianRequest(body));
      expect(response.status, body).toBe(400);
      expect(await response.json()).toEqual({ error: { code: 'malformed_body', message: expect.any(String) } });
    }
    expect(await actionsOf(testEnv, ref(order))).toEqual([]);
  });

  it('should answer an oversized body with 413', async () => {
    const body = pushBody(pushItem(999, 'big', { pad: 'x'.repeat(600 * 1024) }));
    expect((await SELF.fetch(doudianRequest(body))).status).toBe(413);
  });

  it('should ack (never 4xx) tags it does not act on, including a tag-0 test push, and do nothing', async () => {
    const order = orderId();
    const body = pushBody(
      '{"tag":"0","msg_id":"test-push","data":"{}"}',
      pushItem(105, unique('m'), { p_id: order, shop_id: shopId }), // 订单金额修改: not acted on
      `{"tag":999,"msgId":${JSON.stringify(unique('m'))},"data":"whatever"}`,
    );
    await expectAck(await SELF.fetch(doudianRequest(body)));
    expect(await actionsOf(testEnv, ref(order))).toEqual([]);
  });

  it('should escalate buyer arbitration (212) to the team channel, critical, per order', async () => {
    const order = orderId();
    const item = pushItem(212, unique('arb'), { aftersale_id: '7300000000000000001', aftersale_status: 6, aftersale_type: 2, arbitrate_id: 'arb-1', arbitrate_status: 1, p_id: order, s_id: order, shop_id: shopId });
    await expectAck(await SELF.fetch(doudianRequest(pushBody(item))));
    const actions = await settled(testEnv, ref(order));
    expect(actions.find((a) => a.kind === 'escalate')).toMatchObject({ severity: 'critical' });
    const notices = await eventually(async () => {
      const found = await teamNotices(testEnv, { buyerId: `order:${order}` });
      return found.length > 0 ? found : undefined;
    }, 'the arbitration notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ conversation: { platform: 'douyin', shopId }, escalation: { severity: 'critical' } });
  });

  it('should escalate a refund request (200); a payment (101) alone needs no action', async () => {
    const order = orderId();
    const body = pushBody(
      created(order),
      pushItem(101, unique('paid'), { p_id: order, s_ids: [order], shop_id: shopId, pay_time: now(), pay_amount: 990, pay_type: 1 }),
      pushItem(200, unique('refund'), { aftersale_id: '7300000000000000002', p_id: order, s_id: order, shop_id: shopId, apply_time: now(), refund_amount: 990 }),
    );
    await expectAck(await SELF.fetch(doudianRequest(body)));
    const actions = await settled(testEnv, ref(order), 2);
    expect(actions.map((a) => a.kind)).toEqual(['schedule', 'escalate']);
    expect(actions[1]).toMatchObject({ severity: 'normal', reasons: [{ code: 'order.refund_requested' }] });
  });

  it('should send the shipped notice (102) with courier and tracking number through the bridge, addressed by order', async () => {
    const order = orderId();
    const item = pushItem(102, unique('ship'), {
      p_id: order,
      s_ids: [order],
      shop_id: shopId,
      update_time: now(),
      logistics_msg: { express_company_id: 'zhongtong', logistics_code: 'ZT1234567890' },
      receiver_msg: { name: '张三', tel: '13812345678', addr: '某省某市某路1号' },
    });
    await expectAck(await SELF.fetch(doudianRequest(pushBody(item))));
    const actions = await settled(testEnv, ref(order));
    const reply = actions.find((a) => a.kind === 'reply');
    expect(reply).toMatchObject({ script: 'orderShipped' });
    const sent = (await sandbox.requests('bridge:douyin')).filter((r) => (r.parsed as { buyer_id?: string }).buyer_id === `order:${order}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.status).toBe(200);
    expect(sent[0]?.parsed).toMatchObject({ shop_id: shopId, channel: { order_id: order } });
    expect(sent[0]?.body).toContain('ZT1234567890');
    // The receiver's phone never leaves the parse.
    expect(sent[0]?.body).not.toContain('13812345678');
    const logged = await testEnv.DB.prepare('SELECT COUNT(*) AS n FROM conversation_log WHERE text LIKE ?').bind('%13812345678%').first<{ n: number }>();
    expect(logged?.n).toBe(0);
  });
});
