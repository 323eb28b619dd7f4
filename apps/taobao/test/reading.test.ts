import { describe, expect, it } from 'vitest';
import { readConsumed, readMessage, type TmcMessage } from '../src/tmc/index.ts';

const now = Date.UTC(2026, 10, 23, 2, 0, 0);
const message = (topic: string, content: string, extra: Partial<TmcMessage> = {}): TmcMessage => ({ id: '7104300007405429232', topic, content, pubTime: '2026-11-23 10:00:00', userId: '2200000001', userNick: 'shop-nick', ...extra });

describe('reading a TMC message', () => {
  it('should read a TradeCreate as an unpaid order of the seller, keyed by buyer_open_uid, at pub_time', () => {
    const reading = readMessage(message('taobao_trade_TradeCreate', '{"buyer_nick":"nick","buyer_open_uid":"AAH1","seller_nick":"seller","status":"WAIT_BUYER_PAY","tid":58681907060570486}'), now);
    expect(reading).toEqual({
      kind: 'event',
      envelope: {
        event: { kind: 'order', id: '7104300007405429232', platform: 'taobao', shopId: 'seller', buyerId: 'AAH1', at: Date.UTC(2026, 10, 23, 2, 0, 0), orderId: '58681907060570486', status: 'created_unpaid' },
        channel: { via: 'tmc', tid: '58681907060570486' },
      },
    });
  });

  it.each([
    ['taobao_trade_TradeCreate', 'WAIT_SELLER_SEND_GOODS', 'paid'],
    ['taobao_trade_TradeCreate', 'TRADE_CLOSED_BY_TAOBAO', 'closed'],
    ['taobao_trade_TradeBuyerPay', 'WAIT_SELLER_SEND_GOODS', 'paid'],
    ['taobao_trade_TradeSellerShip', 'WAIT_BUYER_CONFIRM_GOODS', 'shipped'],
    ['taobao_trade_TradeClose', 'TRADE_CLOSED', 'closed'],
    ['taobao_refund_RefundCreated', undefined, 'refund_requested'],
    ['taobao_refund_TaobaoInterApplied', undefined, 'arbitration'],
  ])('should read %s (status %s) as %s', (topic, status, expected) => {
    const content = JSON.stringify({ buyer_nick: 'nick', seller_nick: 'seller', tid: 1, ...(status ? { status } : {}) });
    const reading = readMessage(message(topic, content), now);
    expect(reading.kind === 'event' && reading.envelope.event.kind === 'order' ? [reading.envelope.event.status, reading.envelope.event.buyerId] : reading).toEqual([expected, 'nick']);
  });

  it('should fall back to the message user for the shop, and to now without pub_time', () => {
    const reading = readMessage(message('taobao_trade_TradeClose', '{"buyer_nick":"b","tid":"5"}', { pubTime: undefined }), now);
    expect(reading.kind === 'event' && reading.envelope.event).toMatchObject({ shopId: 'shop-nick', at: now, orderId: '5' });
  });

  it('should ignore known topics the bot has nothing to do for', () => {
    expect(readMessage(message('taobao_refund_RefundSellerAgreeAgreement', '{}'), now)).toEqual({ kind: 'ignored' });
    expect(readMessage(message('taobao_trade_TradeSuccess', '{}'), now)).toEqual({ kind: 'ignored' });
  });

  it.each([
    ['not JSON', 'taobao_trade_TradeCreate', '{"buyer_nick":"张三', 'content is not a JSON object'],
    ['a JSON array', 'taobao_trade_TradeCreate', '[1]', 'content is not a JSON object'],
    ['no tid', 'taobao_trade_TradeCreate', '{"buyer_nick":"张三"}', 'content has no tid'],
    ['no buyer', 'taobao_refund_RefundCreated', '{"tid":1,"seller_nick":"s"}', 'content has neither buyer_open_uid nor buyer_nick'],
  ])('should call content with %s unreadable without quoting it', (_what, topic, content, reason) => {
    expect(readMessage(message(topic, content), now)).toEqual({ kind: 'unreadable', code: 'tmc.unreadable', reason: `${topic}: ${reason}` });
  });

  it('should call an unknown topic unknown', () => {
    expect(readMessage(message('taobao_item_ItemUpdate', '{}'), now)).toMatchObject({ kind: 'unreadable', code: 'tmc.unknown_topic' });
  });
});

describe('reading a consume answer', () => {
  it('should read messages.tmc_message[] and the simplified messages[], counting items without an id', () => {
    const item = { id: '7104300007405429232', topic: 't', content: '{}', pub_time: '2013-10-05 10:55:58', user_id: 123456789, user_nick: 'usernick' };
    const expected = { id: '7104300007405429232', topic: 't', content: '{}', pubTime: '2013-10-05 10:55:58', userId: '123456789', userNick: 'usernick' };
    expect(readConsumed({ messages: { tmc_message: [item, { topic: 'no id' }] } })).toEqual({ messages: [expected], withoutId: 1 });
    expect(readConsumed({ messages: [item] })).toEqual({ messages: [expected], withoutId: 0 });
    expect(readConsumed({ request_id: 'x' })).toEqual({ messages: [], withoutId: 0 });
  });
});
