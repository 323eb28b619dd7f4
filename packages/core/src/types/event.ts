import type { Platform } from './platform.ts';

/** Where an event belongs: one conversation per (platform, shop, buyer). */
type EventBase = {
  /** The platform's id for this event or message: dedupe key, and the root of action ids. */
  id: string;
  platform: Platform;
  shopId: string;
  buyerId: string;
  /** When it happened, per the platform (epoch ms). */
  at: number;
};

export const ORDER_STATUSES = ['created_unpaid', 'paid', 'shipped', 'refund_requested', 'arbitration', 'closed'] as const;
/** Order and after-sale states the platforms push (订单/售后消息). */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TIMER_PURPOSES = ['sla_alert', 'sla_breach', 'unpaid_reminder'] as const;
/** Why the engine asked to be woken up. */
export type TimerPurpose = (typeof TIMER_PURPOSES)[number];

/** A normalised inbound event: what every platform adapter turns its webhooks into. */
export type InboundEvent =
  /** The buyer wrote. `returning` is the platform's hint that the buyer has bought or chatted before. */
  | (EventBase & { kind: 'buyer_message'; text: string; returning?: boolean })
  /** A person on the shop's side wrote (seller, servicer): the bot goes quiet. */
  | (EventBase & { kind: 'agent_message'; text: string })
  /** The buyer opened the chat window (WeCom enter_session) without writing yet. */
  | (EventBase & { kind: 'session_enter'; returning?: boolean })
  /** An order or after-sale event. */
  | (EventBase & { kind: 'order'; orderId: string; status: OrderStatus; courier?: string; trackingNo?: string })
  /** A `schedule` action came due. `ref` is the one the schedule carried. */
  | (EventBase & { kind: 'timer'; purpose: TimerPurpose; ref: string })
  /** The conversation was closed on the platform: the bot may speak again. */
  | (EventBase & { kind: 'conversation_closed' })
  /** A person took the conversation over (a claim button or signed claim link): the bot goes quiet. */
  | (EventBase & { kind: 'claimed'; by: string });

export type InboundEventKind = InboundEvent['kind'];
