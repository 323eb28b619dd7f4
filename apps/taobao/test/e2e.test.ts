import { bridgeFixture, eventually, prepareStack, settled, teamNotices } from '@kefu/runtime/contract';
import type { Recorded } from '@kefu/sandbox';
import { signTop, topBridgeSigner } from '@kefu/wire';
import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendReply } from '../src/bridge.ts';
import { env, longId, pubTime, queueTmc, runCron, sandbox, tradeContent, unique } from './tmc-support.ts';

const BRIDGE = { appKey: 'tb-bridge-app', secret: 'tb-bridge-secret' };
const fixture = bridgeFixture({ platform: 'taobao', signer: topBridgeSigner, ...BRIDGE });
type BridgeSend = { msg_id: string; shop_id: string; buyer_id: string; text: string; channel: Record<string, string> };
const sendsTo = async (buyerId: string) => (await sandbox.requests('bridge:taobao')).filter((r) => (r.parsed as BridgeSend | undefined)?.buyer_id === buyerId);

/** What a bridge checks on our send: TOP system parameters in the query, signed over them and the body. */
function expectTopSigned(record: Recorded): void {
  const { sign, ...params } = record.query;
  expect(params).toEqual({ method: 'kefu.bridge.send', app_key: BRIDGE.appKey, timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), format: 'json', v: '2.0', sign_method: 'hmac-sha256' });
  expect(sign).toBe(signTop(params, BRIDGE.secret, record.body));
  expect(Math.abs((topBridgeSigner.signedAt(params) ?? 0) - record.at)).toBeLessThan(60_000);
  expect(record.status).toBe(200);
}

describe('taobao end to end', () => {
  beforeAll(() => prepareStack(env));

  it('should answer a buyer question from the bridge through the bridge, signed the TOP way', async () => {
    const buyerId = unique('buyer');
    const response = await SELF.fetch(await fixture.buyerMessage({ buyerId, messageId: unique('msg'), text: '你好 什么时候发货' }));
    await fixture.expectAck(response);
    const actions = await settled(env, { platform: 'taobao', shopId: fixture.shopId, buyerId });
    const replies = actions.filter((a) => a.kind === 'reply');
    const sends = await sendsTo(buyerId);
    expect(sends).toHaveLength(replies.length);
    for (const send of sends) expectTopSigned(send);
    expect(sends.map((s) => (s.parsed as BridgeSend).msg_id).sort()).toEqual(replies.map((r) => r.id).sort());
    expect(sends[0]?.parsed).toMatchObject({ shop_id: fixture.shopId, buyer_id: buyerId, text: expect.any(String), channel: {} });
  });

  it('should escalate a complaint to the team channel', async () => {
    const buyerId = unique('buyer');
    await fixture.expectAck(await SELF.fetch(await fixture.buyerMessage({ buyerId, messageId: unique('msg'), text: '东西是坏的，你们再不处理我就去12315投诉' })));
    const actions = await settled(env, { platform: 'taobao', shopId: fixture.shopId, buyerId });
    expect(actions.some((a) => a.kind === 'escalate')).toBe(true);
    const notices = await teamNotices(env as unknown as { SANDBOX_URL: string }, { buyerId });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ conversation: { platform: 'taobao', shopId: fixture.shopId, buyerId }, escalation: { platform: 'taobao' } });
  });

  it('should send 催付 for an order still unpaid after the reminder delay through the bridge, with the trade id', async () => {
    const t = { tid: longId(), seller: 'tmc-shop', buyer: unique('AAC') };
    await queueTmc([{ id: longId(), topic: 'taobao_trade_TradeCreate', content: tradeContent(t), pub_time: pubTime(Date.now() - 2 * 3_600_000) }]);
    await runCron();
    const [send] = await eventually(async () => {
      const found = await sendsTo(t.buyer);
      return found.length > 0 && found.every((r) => r.status !== 0) ? found : undefined;
    }, 'the 催付 reply at the bridge');
    expectTopSigned(send as Recorded);
    expect(send?.parsed).toMatchObject({ shop_id: t.seller, buyer_id: t.buyer, channel: { tid: t.tid } });
    const actions = await settled(env, { platform: 'taobao', shopId: t.seller, buyerId: t.buyer }, 2);
    expect(actions.map((a) => (a.kind === 'reply' ? `reply:${a.script}` : a.kind))).toEqual(['schedule', 'reply:orderUnpaid']);
  });

  it('should refuse a reply with the reason when no chat bridge is configured', async () => {
    const reply = { actionId: 'a#1', platform: 'taobao' as const, shopId: 's', buyerId: 'b', text: '亲，订单还没付款哦', channel: { via: 'tmc', tid: '1' }, script: 'orderUnpaid' };
    const result = await sendReply(reply, { ...env, BRIDGE_SEND_URL: '' });
    expect(result).toEqual({ kind: 'refused', reason: 'no chat bridge configured (BRIDGE_SEND_URL): taobao has no public API to send 旺旺/千牛 chat, so this orderUnpaid reply can only go through a bridge (docs/chat-bridge.md)' });
  });

  it('should retry when the bridge fails or is unreachable, and give up on a refusal', async () => {
    const reply = { actionId: unique('a'), platform: 'taobao' as const, shopId: 's', buyerId: unique('b'), text: '你好', channel: {}, script: 'greeting' };
    try {
      await sandbox.faults('bridge:taobao', { failRate: 1 });
      expect(await sendReply(reply, env)).toEqual({ kind: 'retry', reason: 'bridge answered 503' });
      await sandbox.faults('bridge:taobao', { failRate: 1, failWith: 'drop' });
      expect(await sendReply(reply, env)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^chat bridge unreachable/) });
    } finally {
      await sandbox.faults('bridge:taobao', {});
    }
    expect(await sendReply(reply, { ...env, TAOBAO_BRIDGE_SECRET: 'wrong' })).toEqual({ kind: 'refused', reason: 'bridge answered 401' });
  });
});
