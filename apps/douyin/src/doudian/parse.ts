import type { InboundEvent } from '@kefu/core';
import type { Envelope, Inbound } from '@kefu/runtime';
import type { z } from 'zod';
import { parseJson } from '../json/index.ts';
import { orderData, pushBody, type OrderData, type PushItem } from './schema.ts';
import { DOUDIAN_TAGS, type TagRule } from './tags.ts';

/** The ack the push expects (zsmhub `message/doudian_message.go` SuccessResponse). */
export const DOUDIAN_ACK = { code: 0, msg: 'success' } as const;

/**
 * The buyer a push is about. 抖店 order and after-sale pushes carry no buyer id (none of the
 * zsmhub / fudiwei data structs has one), so each order is its own conversation, keyed by order.
 */
export const orderBuyerId = (orderId: string) => `order:${orderId}`;

/**
 * A verified push body to order events. Tags we do not act on (including a tag-0 test push) are
 * counted and acked; an item of a tag we do act on that lacks its id or order fields makes the
 * whole body malformed (400), so the platform pushes it again once fixed rather than losing it.
 */
export function parseDoudianPush(raw: string, now: number): Inbound {
  const json = parseJson(raw);
  if (json.kind === 'invalid') return { kind: 'malformed', reason: `body is not JSON: ${json.reason}` };
  const body = pushBody.safeParse(json.value);
  if (!body.success) return { kind: 'malformed', reason: `not a 抖店 push array: ${describe(body.error)}` };

  const envelopes: Envelope[] = [];
  const ignored = new Map<string, number>();
  for (const [index, item] of body.data.entries()) {
    const rule = DOUDIAN_TAGS[item.tag];
    if (!rule) {
      ignored.set(item.tag, (ignored.get(item.tag) ?? 0) + 1);
      continue;
    }
    const event = orderEvent(item, rule, now);
    if (event.kind === 'malformed') return { kind: 'malformed', reason: `item ${index} (tag ${item.tag}): ${event.reason}` };
    envelopes.push({ event: event.event, channel: { via: 'doudian_push', order_id: event.event.orderId } });
  }
  if (ignored.size > 0) {
    const counts = [...ignored].map(([tag, n]) => `${tag}×${n}`).join(', ');
    console.log(`doudian push: acked without action, tags ${counts}`);
  }
  return { kind: 'events', envelopes, ack: { json: DOUDIAN_ACK } };
}

type OrderEvent = Extract<InboundEvent, { kind: 'order' }>;

function orderEvent(item: PushItem, rule: TagRule, now: number): { kind: 'ok'; event: OrderEvent } | { kind: 'malformed'; reason: string } {
  if (!item.msgId) return { kind: 'malformed', reason: 'msg_id (or msgId) is required' };
  const data = dataOf(item.data);
  if (data.kind === 'malformed') return data;
  const { p_id: orderId, shop_id: shopId } = data.value;
  const logistics = data.value.logistics_msg;
  const event: OrderEvent = {
    kind: 'order',
    id: `doudian:${item.msgId}`,
    platform: 'douyin',
    shopId,
    buyerId: orderBuyerId(orderId),
    at: timeOf(data.value, rule, now),
    orderId,
    status: rule.status,
    // `express_company_id` is the carrier's code (e.g. zhongtong), not a display name.
    ...(rule.status === 'shipped' && logistics?.express_company_id ? { courier: logistics.express_company_id } : {}),
    ...(rule.status === 'shipped' && logistics?.logistics_code ? { trackingNo: logistics.logistics_code } : {}),
  };
  return { kind: 'ok', event };
}

function dataOf(data: PushItem['data']): { kind: 'ok'; value: OrderData } | { kind: 'malformed'; reason: string } {
  if (data === undefined) return { kind: 'malformed', reason: 'data is missing' };
  let value: unknown = data;
  if (typeof data === 'string') {
    const json = parseJson(data);
    if (json.kind === 'invalid') return { kind: 'malformed', reason: `data is not JSON: ${json.reason}` };
    value = json.value;
  }
  const parsed = orderData.safeParse(value);
  return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'malformed', reason: `data: ${describe(parsed.error)}` };
}

/** When it happened: the tag's own time field (unix seconds), else when it arrived. */
function timeOf(data: OrderData, rule: TagRule, now: number): number {
  const seconds = rule.at ? (data as Record<string, unknown>)[rule.at] : undefined;
  return typeof seconds === 'number' ? seconds * 1000 : now;
}

function describe(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
