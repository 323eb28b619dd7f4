import { actionsOf, eventually, prepareStack, settled, teamNotices } from '@kefu/runtime/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmedIds, env, longId, mark, pubTime, queueTmc, refundContent, runCron, sandbox, since, tradeContent, unique } from './tmc-support.ts';

const REDELIVERY_WAIT_MS = 3200; // the stand-in hands out unconfirmed messages again after 3 s

describe('TMC pulled by the cron trigger', () => {
  beforeAll(() => prepareStack(env));

  it('should turn a TradeCreate into an order event with a 催付 schedule, and confirm exactly what it consumed afterwards', async () => {
    const t = { tid: longId(), seller: 'tmc-shop', buyer: unique('AAH') };
    const id = longId();
    await queueTmc([{ id, topic: 'taobao_trade_TradeCreate', content: tradeContent(t), user_nick: t.seller }]);
    const before = await mark();
    await runCron();
    const actions = await settled(env, { platform: 'taobao', shopId: t.seller, buyerId: t.buyer });
    expect(actions).toEqual([expect.objectContaining({ kind: 'schedule', purpose: 'unpaid_reminder', ref: t.tid })]);
    const logged = await env.DB.prepare('SELECT kind, shop_id, buyer_id FROM conversation_log WHERE event_id = ?').bind(id).first();
    expect(logged).toEqual({ kind: 'order.created_unpaid', shop_id: t.seller, buyer_id: t.buyer });
    const consumes = await since(before, 'taobao:tmc_consume');
    expect(consumes.length).toBeGreaterThan(0);
    expect(consumes[0]?.parsed).toMatchObject({ method: 'taobao.tmc.messages.consume', group_name: 'default', format: 'json', v: '2.0', sign_method: 'hmac-sha256' });
    const confirms = await since(before, 'taobao:tmc_confirm');
    expect(confirms.map(confirmedIds)).toEqual([[id]]);
    expect(confirms[0]?.seq).toBeGreaterThan(consumes[0]?.seq ?? Infinity);
  });

  it('should escalate a RefundCreated to the team channel', async () => {
    const t = { tid: longId(), seller: 'tmc-shop', buyer: unique('AAR'), refundId: longId() };
    await queueTmc([{ id: longId(), topic: 'taobao_refund_RefundCreated', content: refundContent(t) }]);
    await runCron();
    await settled(env, { platform: 'taobao', shopId: t.seller, buyerId: t.buyer });
    const notices = await teamNotices(env as unknown as { SANDBOX_URL: string }, { buyerId: t.buyer });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.escalation.reasons).toEqual([{ code: 'order.refund_requested', detail: `order ${t.tid}: buyer requested a refund` }]);
  });

  it('should act once on a message TMC delivers again because its confirm was lost', async () => {
    const t = { tid: longId(), seller: 'tmc-shop', buyer: unique('AAD') };
    const id = longId();
    await queueTmc([{ id, topic: 'taobao_trade_TradeCreate', content: tradeContent(t) }]);
    const before = await mark();
    await sandbox.faults('taobao:tmc_confirm', { failRate: 1 }); // the consume answers, the confirm gets 503
    try {
      await runCron();
    } finally {
      await sandbox.faults('taobao:tmc_confirm', {});
    }
    const first = await settled(env, { platform: 'taobao', shopId: t.seller, buyerId: t.buyer });
    expect((await since(before, 'taobao:tmc_confirm')).map((r) => r.status)).toEqual([503]);
    await new Promise((resolve) => setTimeout(resolve, REDELIVERY_WAIT_MS));
    await runCron();
    const confirms = (await since(before, 'taobao:tmc_confirm')).filter((r) => r.status === 200);
    expect(confirms.map(confirmedIds)).toEqual([[id]]);
    expect(await actionsOf(env, { platform: 'taobao', shopId: t.seller, buyerId: t.buyer })).toEqual(first);
    expect(first.filter((a) => a.kind === 'schedule')).toHaveLength(1);
  });

  it('should not confirm what it could not dispatch, and act on it when TMC redelivers', async () => {
    const shop = unique('shop-without-rules');
    const t = { tid: longId(), seller: shop, buyer: unique('AAN') };
    const id = longId();
    await env.RULES.put(`rules:shop:taobao:${shop}`, JSON.stringify({ not: 'rules' }));
    await queueTmc([{ id, topic: 'taobao_trade_TradeCreate', content: tradeContent(t) }]);
    const before = await mark();
    await runCron();
    expect(await since(before, 'taobao:tmc_confirm')).toEqual([]);
    expect(await actionsOf(env, { platform: 'taobao', shopId: shop, buyerId: t.buyer })).toEqual([]);
    await env.RULES.delete(`rules:shop:taobao:${shop}`);
    await new Promise((resolve) => setTimeout(resolve, REDELIVERY_WAIT_MS));
    await runCron();
    const actions = await settled(env, { platform: 'taobao', shopId: shop, buyerId: t.buyer });
    expect(actions.filter((a) => a.kind === 'schedule')).toHaveLength(1);
    expect((await since(before, 'taobao:tmc_confirm')).map(confirmedIds)).toEqual([[id]]);
  });

  it('should confirm and record unreadable content and unknown topics without quoting them, and go on', async () => {
    const t = { tid: longId(), seller: 'tmc-shop', buyer: unique('AAB') };
    const [bad, unknown, good] = [longId(), longId(), longId()];
    await queueTmc([
      { id: bad, topic: 'taobao_trade_TradeCreate', content: '{"buyer_nick":"张三 13812345678", "tid":', user_nick: 'tmc-shop' },
      { id: unknown, topic: 'taobao_item_ItemUpdate', content: '{"num_iid":1}', user_nick: 'tmc-shop' },
      { id: good, topic: 'taobao_trade_TradeCreate', content: tradeContent(t) },
    ]);
    const before = await mark();
    await runCron();
    expect(new Set((await since(before, 'taobao:tmc_confirm')).flatMap(confirmedIds))).toEqual(new Set([bad, unknown, good]));
    const rows = (await env.DB.prepare('SELECT event_id, reason_code, reason, detail, shop_id FROM action_log WHERE event_id IN (?, ?)').bind(bad, unknown).all<Record<string, string>>()).results;
    expect(rows.map((r) => [r.event_id, r.reason_code, r.shop_id]).sort()).toEqual([[bad, 'tmc.unreadable', 'tmc-shop'], [unknown, 'tmc.unknown_topic', 'tmc-shop']].sort());
    expect(JSON.stringify(rows)).not.toMatch(/张三|13812345678/);
    const acted = await settled(env, { platform: 'taobao', shopId: t.seller, buyerId: t.buyer });
    expect(acted.map((a) => a.kind)).toEqual(['schedule']);
  });

  it('should stop the run on a TOP error such as App Call Limited, and pull the message next time', async () => {
    const t = { tid: longId(), seller: 'tmc-shop', buyer: unique('AAL') };
    const id = longId();
    await queueTmc([{ id, topic: 'taobao_trade_TradeBuyerPay', content: tradeContent({ ...t, status: 'WAIT_SELLER_SEND_GOODS' }) }]);
    await sandbox.inbox('taobao:errors', [{ method: 'taobao.tmc.messages.consume', code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-access-count', sub_msg: 'This ban will last for 1 more seconds' }]);
    const before = await mark();
    await runCron();
    expect((await since(before, 'taobao:tmc_consume')).length).toBe(1);
    expect(await since(before, 'taobao:tmc_confirm')).toEqual([]);
    await runCron();
    expect((await since(before, 'taobao:tmc_confirm')).map(confirmedIds)).toEqual([[id]]);
    // A paid order needs nothing from the bot; it is in the conversation log all the same.
    const logged = await eventually(async () => (await env.DB.prepare('SELECT kind, buyer_id FROM conversation_log WHERE event_id = ?').bind(id).first()) ?? undefined, 'the paid order in the log');
    expect(logged).toEqual({ kind: 'order.paid', buyer_id: t.buyer });
  });

  it('should use the TradeCreate pub_time as the event time', async () => {
    const t = { tid: longId(), seller: 'tmc-shop', buyer: unique('AAT') };
    const at = Date.now() - 5 * 60_000;
    await queueTmc([{ id: longId(), topic: 'taobao_trade_TradeCreate', content: tradeContent(t), pub_time: pubTime(at) }]);
    await runCron();
    const [schedule] = await settled(env, { platform: 'taobao', shopId: t.seller, buyerId: t.buyer });
    expect(schedule).toMatchObject({ kind: 'schedule', at: Math.floor(at / 1000) * 1000 + 30 * 60_000 });
  });
});
