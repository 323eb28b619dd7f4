import { describe, expect, it } from 'vitest';
import { messageSocketUrl, orderMessage, parseFrame, type CommonFrame } from '../src/message-socket/index.ts';

const frame = (type: string, content: unknown, mallID = 171504183): CommonFrame => {
  const parsed = parseFrame(JSON.stringify({ id: 1, commandType: 'Common', time: 2, sendTime: 1700000000000, message: { type, mallID, content: typeof content === 'string' ? content : JSON.stringify(content) } }));
  if (parsed.kind !== 'common') throw new Error('test frame is not Common');
  return parsed.frame;
};

describe('orderMessage', () => {
  it.each([
    ['pdd_trade_TradeConfirmed', 'paid'],
    ['pdd_trade_TradeSellerShip', 'shipped'],
    ['pdd_trade_TradeSuccess', 'closed'],
    ['pdd_refund_RefundCreated', 'refund_requested'],
  ])('should map %s to an order event with status %s', (type, status) => {
    const message = orderMessage(frame(type, { mall_id: 171504183, tid: '210707-339507978993455', modified: 1625637425016 }));
    expect(message).toEqual({
      kind: 'event',
      envelope: {
        event: { kind: 'order', id: `${type}:210707-339507978993455`, platform: 'pinduoduo', shopId: '171504183', buyerId: 'order:210707-339507978993455', at: 1625637425016, orderId: '210707-339507978993455', status },
        channel: { via: 'message-service', order_sn: '210707-339507978993455' },
      },
    });
  });

  it('should key a refund by its refund id and use the buyer id when the content has one', () => {
    const message = orderMessage(frame('pdd_refund_RefundCreated', '{"tid":"T1","refund_id":12345678901234567890,"buyer_id":42}'));
    if (message.kind !== 'event') throw new Error(message.kind);
    expect(message.envelope.event.id).toBe('pdd_refund_RefundCreated:T1:12345678901234567890');
    expect(message.envelope.event.buyerId).toBe('42');
    expect(message.envelope.event.at).toBe(1700000000000);
  });

  it('should leave types it does not act on unhandled', () => {
    expect(orderMessage(frame('pdd_refund_RefundClosed', { tid: 'T1' }))).toEqual({ kind: 'unhandled', type: 'pdd_refund_RefundClosed' });
  });

  it('should call content unreadable when it is not JSON, lacks the order, or names another mall', () => {
    expect(orderMessage(frame('pdd_trade_TradeConfirmed', 'not json')).kind).toBe('unreadable');
    expect(orderMessage(frame('pdd_trade_TradeConfirmed', { mall_id: 171504183 })).kind).toBe('unreadable');
    expect(orderMessage(frame('pdd_trade_TradeConfirmed', { mall_id: 1, tid: 'T1' })).kind).toBe('unreadable');
  });
});

describe('messageSocketUrl', () => {
  const path = (url: string) => new URL(url).pathname;

  it('should open wss:// as https:// with the signed message path', () => {
    const url = messageSocketUrl('wss://message-api.pinduoduo.com', 'abc123', 'pdd-secret', 1700000000000);
    expect(url.startsWith('https://message-api.pinduoduo.com/message/abc123/1700000000000/')).toBe(true);
    expect(path(url).split('/').at(-1)).toHaveLength(44);
  });

  it('should accept ws, http and https bases, keeping a base path', () => {
    expect(messageSocketUrl('ws://127.0.0.1:8787', 'c', 's', 1).startsWith('http://127.0.0.1:8787/message/c/1/')).toBe(true);
    expect(messageSocketUrl('http://127.0.0.1:8787/', 'c', 's', 1).startsWith('http://127.0.0.1:8787/message/c/1/')).toBe(true);
    expect(messageSocketUrl('https://proxy.example/pdd/', 'c', 's', 1).startsWith('https://proxy.example/pdd/message/c/1/')).toBe(true);
  });

  it('should name the var when the base is unusable', () => {
    expect(() => messageSocketUrl('message-api.pinduoduo.com', 'c', 's', 1)).toThrow(/PDD_MESSAGE_WS_BASE/);
    expect(() => messageSocketUrl('ftp://x', 'c', 's', 1)).toThrow(/PDD_MESSAGE_WS_BASE/);
  });
});
