// End to end: a signed inbound message → the decision → the reply as the platform's API receives
// it (recorded by the sandbox stand-ins), and complaints → the team channel.
import type { OutboundReply } from '@kefu/runtime';
import { actionsOf, eventually, prepareStack, sandboxClient, settled, type TestEnv, teamNotices } from '@kefu/runtime/contract';
import { doudianBridgeSigner } from '@kefu/wire';
import { SELF, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { douyinAdapter } from '../src/adapter.ts';
import type { DouyinEnv } from '../src/env.ts';
import { DOUYIN_ACCESS_TOKEN, DOUYIN_CLIENT_KEY, imEvent, imRequest, unique } from './support/requests.ts';

const testEnv = env as unknown as TestEnv;
const douyinEnv = env as unknown as DouyinEnv;
const sandbox = sandboxClient(testEnv.SANDBOX_URL);
const account = 'e2e-account-open-id';
const ref = (buyerId: string, shopId = account) => ({ platform: 'douyin' as const, shopId, buyerId });
type Parsed = { to_user_id?: string; msg_id?: string; conversation_id?: string; scene?: string; content?: unknown; buyer_id?: string };
const parsed = (r: { parsed?: unknown }) => (r.parsed ?? {}) as Parsed;
const imSends = async (buyerId: string) => (await sandbox.requests('douyin:im_send')).filter((r) => parsed(r).to_user_id === buyerId);
const noticesFor = async (buyerId: string) => (await teamNotices(testEnv, { buyerId })).map((n) => n.record);

describe('抖音开放平台 private messages (/webhooks/douyin-im)', () => {
  beforeAll(() => prepareStack(testEnv));

  it('should answer a buyer text through POST /im/send/msg/ with the access-token, open_id and reply ids the API needs', async () => {
    const buyerId = unique('buyer');
    const messageId = `@${unique('srv')}`;
    const response = await SELF.fetch(imRequest(imEvent({ account, buyerId, messageId, text: '你好 什么时候发货', conversationId: '@conv-e2e' }), { msgIdHeader: unique('hdr') }));
    expect(response.status).toBe(200);
    const actions = await settled(testEnv, ref(buyerId));
    const replies = actions.filter((a) => a.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    const sent = await imSends(buyerId);
    expect(sent).toHaveLength(replies.length);
    for (const [i, record] of sent.entries()) {
      expect(record.status).toBe(200);
      expect(record.path).toBe('/im/send/msg/');
      expect(record.query).toEqual({ open_id: account });
      expect(record.headers['access-token']).toBe(DOUYIN_ACCESS_TOKEN);
      expect(record.parsed).toEqual({
        msg_id: messageId,
        conversation_id: '@conv-e2e',
        to_user_id: buyerId,
        content: { msg_type: 1, text: { text: (replies[i] as { text: string }).text } },
      });
    }
  });

  it('should escalate a complaint to the team channel with the buyer text masked', async () => {
    const buyerId = unique('buyer');
    const text = '东西是坏的，你们再不处理我就去12315投诉，电话13812345678';
    expect((await SELF.fetch(imRequest(imEvent({ account, buyerId, messageId: `@${unique('srv')}`, text })))).status).toBe(200);
    const actions = await settled(testEnv, ref(buyerId));
    expect(actions.some((a) => a.kind === 'escalate')).toBe(true);
    const notices = await eventually(async () => ((await noticesFor(buyerId)).length > 0 ? noticesFor(buyerId) : undefined), 'the complaint notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.headers['x-kefu-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect((await teamNotices(testEnv, { buyerId }))[0]).toMatchObject({ conversation: { platform: 'douyin', shopId: account, buyerId } });
    expect(notices[0]?.body).toContain('138****5678');
    expect(notices[0]?.body).not.toContain('13812345678');
  });

  it('should echo the verify_webhook challenge (client_key may be empty there)', async () => {
    const response = await SELF.fetch(imRequest({ event: 'verify_webhook', client_key: '', content: { challenge: 12345 } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 12345 });
    const forged = await SELF.fetch(imRequest({ event: 'verify_webhook', client_key: '', content: { challenge: 12345 } }, { secret: 'guess' }));
    expect(forged.status).toBe(401);
  });

  it('should read content sent as a JSON string as well as an object', async () => {
    const buyerId = unique('buyer');
    const response = await SELF.fetch(imRequest(imEvent({ account, buyerId, messageId: `@${unique('srv')}`, text: '在吗', contentAsText: true })));
    expect(response.status).toBe(200);
    await settled(testEnv, ref(buyerId));
    expect((await imSends(buyerId)).length).toBeGreaterThan(0);
  });

  it('should greet a buyer entering the chat with the im_enter_direct_msg scene', async () => {
    const buyerId = unique('buyer');
    const event = imEvent({ account, buyerId, messageId: `@${unique('enter')}`, text: '', event: 'im_enter_direct_msg' });
    expect((await SELF.fetch(imRequest(event))).status).toBe(200);
    const actions = await settled(testEnv, ref(buyerId));
    expect(actions.find((a) => a.kind === 'reply')).toMatchObject({ script: 'greeting' });
    const sent = await imSends(buyerId);
    expect(sent).toHaveLength(1);
    expect(parsed(sent[0] ?? {}).scene).toBe('im_enter_direct_msg');
  });

  it('should go quiet when a person answers from the 抖音 app, and ignore its own API replies', async () => {
    const buyerId = unique('buyer');
    const ours = imEvent({ account, buyerId, messageId: `@${unique('out')}`, text: '机器人回复', event: 'im_send_msg', source: DOUYIN_CLIENT_KEY });
    expect((await SELF.fetch(imRequest(ours))).status).toBe(200);
    expect(await actionsOf(testEnv, ref(buyerId))).toEqual([]);
    const person = imEvent({ account, buyerId, messageId: `@${unique('out')}`, text: '亲，我是客服小王', event: 'im_send_msg' });
    expect((await SELF.fetch(imRequest(person))).status).toBe(200);
    await settled(testEnv, ref(buyerId));
    expect((await SELF.fetch(imRequest(imEvent({ account, buyerId, messageId: `@${unique('srv')}`, text: '什么时候发货' })))).status).toBe(200);
    const actions = await settled(testEnv, ref(buyerId), 2);
    expect(actions.filter((a) => a.kind === 'reply')).toEqual([]);
    expect(actions.some((a) => a.kind === 'log' && a.reason.code === 'human.active')).toBe(true);
    expect(await imSends(buyerId)).toEqual([]);
  });

  it('should hand a picture to a person (placeholder text) and ack other message types without action', async () => {
    const buyerId = unique('buyer');
    const image = imEvent({ account, buyerId, messageId: `@${unique('img')}`, text: '', messageType: 'image' });
    expect((await SELF.fetch(imRequest(image))).status).toBe(200);
    await settled(testEnv, ref(buyerId));
    const logged = await testEnv.DB.prepare('SELECT text FROM conversation_log WHERE event_id = ?').bind(`douyin-im:${(image.content as { server_message_id: string }).server_message_id}`).first<{ text: string }>();
    expect(logged?.text).toBe('[图片]');
    const other = unique('buyer');
    const emoji = imEvent({ account, buyerId: other, messageId: `@${unique('emoji')}`, text: '', messageType: 'emoji' });
    expect((await SELF.fetch(imRequest(emoji))).status).toBe(200);
    expect(await actionsOf(testEnv, ref(other))).toEqual([]);
  });
});

describe('飞鸽 chat through the bridge (/bridge/messages)', () => {
  beforeAll(() => prepareStack(testEnv));

  const bridgeRequest = (body: string) => {
    const params = doudianBridgeSigner.systemParams('dy-bridge-app', 'kefu.bridge.messages', Date.now());
    const query = new URLSearchParams({ ...params, sign: doudianBridgeSigner.sign(params, body, 'dy-bridge-secret') });
    return new Request(`https://kefu.test/bridge/messages?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  };

  it('should answer a buyer text through the bridge, signed the 抖店 way, with the bridge channel echoed', async () => {
    const buyerId = unique('feige-buyer');
    const body = JSON.stringify({ messages: [{ type: 'buyer_text', msg_id: unique('fg'), shop_id: 'feige-shop', buyer_id: buyerId, sent_at: Date.now(), text: '你好 什么时候发货', channel: { conversation: 'fg-conv-1' } }] });
    const response = await SELF.fetch(bridgeRequest(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: 0, msg: 'success' });
    const actions = await settled(testEnv, ref(buyerId, 'feige-shop'));
    const replies = actions.filter((a) => a.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    const sent = (await sandbox.requests('bridge:douyin')).filter((r) => parsed(r).buyer_id === buyerId);
    expect(sent).toHaveLength(replies.length);
    for (const record of sent) {
      // The stand-in checked the signature (401 otherwise); check it here too, independently.
      expect(record.status).toBe(200);
      const { sign, ...params } = record.query;
      expect(params).toMatchObject({ app_key: 'dy-bridge-app', method: 'kefu.bridge.send', v: '2', sign_method: 'hmac-sha256' });
      expect(sign).toBe(doudianBridgeSigner.sign(params, record.body, 'dy-bridge-secret'));
      expect(record.parsed).toMatchObject({ shop_id: 'feige-shop', buyer_id: buyerId, channel: { conversation: 'fg-conv-1' } });
    }
  });
});

describe('sending: platform answers become retry or refused, never a throw', () => {
  const reply = (channel: Record<string, string>, buyerId = unique('buyer')): OutboundReply => ({
    actionId: unique('act'),
    platform: 'douyin',
    shopId: account,
    buyerId,
    text: '亲，在的',
    channel,
    script: 'faq',
  });
  const im = { via: 'douyin_im', open_id: account, conversation_id: '@conv-send', msg_id: '@srv-send', scene: 'reply' };

  it('should refuse for good when 抖音 says the access token is invalid (HTTP 200, error_code 2190002)', async () => {
    const result = await douyinAdapter.send(reply(im), { ...douyinEnv, DOUYIN_ACCESS_TOKEN: 'act.revoked' } as DouyinEnv);
    expect(result).toEqual({ kind: 'refused', reason: expect.stringContaining('2190002') });
  });

  it('should retry when 抖音 answers 5xx, and report the platform message id when it accepts', async () => {
    await sandbox.faults('douyin:im_send', { failRate: 1, failWith: 503 });
    try {
      expect(await douyinAdapter.send(reply(im), douyinEnv)).toEqual({ kind: 'retry', reason: '抖音 answered HTTP 503' });
    } finally {
      await sandbox.faults('douyin:im_send', {});
    }
    expect(await douyinAdapter.send(reply(im), douyinEnv)).toEqual({ kind: 'sent', platformMessageId: expect.stringMatching(/^@sandbox-/) });
  });

  it('should refuse a reply with no message to answer (the API needs msg_id and conversation_id)', async () => {
    const { msg_id: _msgId, ...noMessage } = im;
    expect(await douyinAdapter.send(reply(noMessage), douyinEnv)).toMatchObject({ kind: 'refused' });
  });

  it('should send an order conversation (催付) through the bridge with the order id, or refuse with the reason when no bridge is set', async () => {
    const buyerId = 'order:4781320682406083999';
    const order = { via: 'doudian_push', order_id: '4781320682406083999' };
    expect(await douyinAdapter.send(reply(order, buyerId), { ...douyinEnv, BRIDGE_SEND_URL: '' } as DouyinEnv)).toEqual({
      kind: 'refused',
      reason: expect.stringContaining('no chat address'),
    });
    expect(await douyinAdapter.send(reply(order, buyerId), douyinEnv)).toEqual({ kind: 'sent' });
    const sent = (await sandbox.requests('bridge:douyin')).filter((r) => parsed(r).buyer_id === buyerId);
    expect(sent.at(-1)?.parsed).toMatchObject({ channel: { order_id: '4781320682406083999' } });
  });
});
