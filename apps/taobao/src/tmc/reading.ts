import type { Envelope } from '@kefu/runtime';
import { asObject, idText, parseKeepingLongIntegers } from '../top/index.ts';
import type { TmcMessage } from './message.ts';
import { createdStatus, IGNORED_TOPICS, ORDER_TOPICS } from './topics.ts';

/** What a TMC message means to the bot. */
export type Reading =
  /** An order event for a buyer's conversation. */
  | { kind: 'event'; envelope: Envelope }
  /** A known topic the bot has nothing to do for: confirm it. */
  | { kind: 'ignored' }
  /** An unknown topic or content that cannot be read: confirm it (else TMC redelivers it forever) and record why. */
  | { kind: 'unreadable'; code: 'tmc.unknown_topic' | 'tmc.unreadable'; reason: string };

/**
 * A TMC message as a core `order` event: orderId = `tid`, shop = `seller_nick` (else the message's
 * `user_nick`/`user_id`), buyer = `buyer_open_uid` (TOP's replacement for `buyer_nick` as the
 * buyer's key) else `buyer_nick`, event id = the TMC message id, time = `pub_time`.
 * Reasons never quote the content: it carries buyer data.
 */
export function readMessage(message: TmcMessage, now: number): Reading {
  const status = ORDER_TOPICS[message.topic];
  if (!status) {
    if (IGNORED_TOPICS.has(message.topic)) return { kind: 'ignored' };
    return { kind: 'unreadable', code: 'tmc.unknown_topic', reason: `topic "${message.topic.slice(0, 80)}" is not one this worker handles` };
  }
  let content: Record<string, unknown> | undefined;
  try {
    content = asObject(parseKeepingLongIntegers(message.content));
  } catch {
    content = undefined;
  }
  const unreadable = (reason: string): Reading => ({ kind: 'unreadable', code: 'tmc.unreadable', reason: `${message.topic}: ${reason}` });
  if (!content) return unreadable('content is not a JSON object');
  const tid = idText(content.tid);
  if (tid === undefined) return unreadable('content has no tid');
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const buyerId = text(content.buyer_open_uid) ?? text(content.buyer_nick);
  if (buyerId === undefined) return unreadable('content has neither buyer_open_uid nor buyer_nick');
  const shopId = text(content.seller_nick) ?? text(message.userNick) ?? message.userId;
  if (shopId === undefined) return unreadable('no seller_nick, user_nick or user_id');
  return {
    kind: 'event',
    envelope: {
      event: {
        kind: 'order',
        id: message.id,
        platform: 'taobao',
        shopId,
        buyerId,
        at: fromChinaTime(message.pubTime) ?? now,
        orderId: tid,
        status: message.topic === 'taobao_trade_TradeCreate' ? createdStatus(content.status) : status,
      },
      // A bridge sending 催付 for this conversation gets the trade id back.
      channel: { via: 'tmc', tid },
    },
  };
}

/** TOP's `yyyy-MM-dd HH:mm:ss` (GMT+8) to epoch ms. */
export function fromChinaTime(value: string | undefined): number | undefined {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h - 8, mi, s);
}
