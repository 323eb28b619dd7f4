import type { OrderStatus } from '@kefu/core';
import type { Envelope } from '@kefu/runtime';
import { z } from 'zod';
import { long, type CommonFrame } from './frames.ts';
import { parseLossless } from './lossless-json.ts';

/**
 * Message types (消息类型) that change what the bot does, and the order status each means.
 * Type names: protocols §3.2 (PARTIAL, seen in user code). Meanings are the Chinese names those
 * users give them (交易确认 / 卖家发货 / 交易成功 / 退款创建); the status mapping is ours:
 *  - TradeConfirmed → paid: PDD shows a merchant an order only once it is paid and the group is
 *    formed, so "confirmed" is the first the shop hears of it (UNCONFIRMED reading).
 *  - TradeSuccess → closed: the trade completed (交易成功), nothing left to do.
 * Every other type (RefundAgreeAgreement, RefundClosed, TradeRiskChanged, memo changes…) is acked
 * and recorded, not acted on.
 */
export const ORDER_STATUS_BY_TYPE: Readonly<Record<string, OrderStatus>> = {
  pdd_trade_TradeConfirmed: 'paid',
  pdd_trade_TradeSellerShip: 'shipped',
  pdd_trade_TradeSuccess: 'closed',
  pdd_refund_RefundCreated: 'refund_requested',
};

/**
 * `message.content` of the order and refund types: `tid` (order_sn) and `mall_id` on all of them;
 * `refund_id`, `refund_fee`, `bill_type`, `operation`, `modified` (ms) on RefundCreated. PARTIAL:
 * C# models `PddOpenSDK.Subscribe.Order.PddRefundCreatedModel` / `PddTradeNotityModel` and a logged
 * RefundCreated sample, all third-party code. TradeSellerShip carries no courier or tracking number
 * there, so no shipped notice goes out (the core logs `order.shipped_without_tracking`).
 * `buyer_id` was seen in no source (UNCONFIRMED): used if PDD ever sends it.
 */
const orderContent = z.object({
  tid: z.string().min(1).max(64),
  mall_id: long.optional(),
  refund_id: long.optional(),
  modified: long.optional(),
  buyer_id: z.union([long, z.string().min(1).max(128)]).optional(),
});

/** What one pushed message means to the bot. */
export type OrderMessage =
  /** An order event to record before the ack. */
  | { kind: 'event'; envelope: Envelope }
  /** A type we do not act on: ack it and count it. */
  | { kind: 'unhandled'; type: string }
  /** A known type whose content is not as documented: ack it (a redelivery would not fix it) and count it. */
  | { kind: 'unreadable'; type: string; reason: string };

/**
 * Turn a `Common` frame into an order event. The mall (店铺) is the shop; the buyer is the content's
 * buyer id when present, else `order:<order_sn>`: the message service names no buyer, so each
 * order gets its own conversation. The event id is the type, order and refund: the same message
 * redelivered (even under a new frame id) is the same event, which the conversation dedupes.
 */
export function orderMessage(frame: CommonFrame): OrderMessage {
  const { type, mallID, content } = frame.message;
  const status = ORDER_STATUS_BY_TYPE[type];
  if (!status) return { kind: 'unhandled', type };
  let json: unknown;
  try {
    json = parseLossless(content);
  } catch {
    return { kind: 'unreadable', type, reason: 'content is not JSON' };
  }
  const parsed = orderContent.safeParse(json);
  if (!parsed.success) return { kind: 'unreadable', type, reason: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  const c = parsed.data;
  if (c.mall_id !== undefined && c.mall_id !== mallID) return { kind: 'unreadable', type, reason: `content mall_id ${c.mall_id} is not the frame's mallID ${mallID}` };
  const id = [type, c.tid, c.refund_id].filter((part) => part !== undefined).join(':');
  return {
    kind: 'event',
    envelope: {
      event: { kind: 'order', id, platform: 'pinduoduo', shopId: mallID, buyerId: c.buyer_id ?? `order:${c.tid}`, at: Number(c.modified ?? frame.sendTime), orderId: c.tid, status },
      channel: { via: 'message-service', order_sn: c.tid },
    },
  };
}
