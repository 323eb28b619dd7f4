import type { InboundEvent } from '../types/event.ts';
import type { Decision } from './decision.ts';

type OrderEvent = Extract<InboundEvent, { kind: 'order' }>;

/**
 * Order and after-sale events: 催付 is scheduled for unpaid orders, a shipped notice goes out,
 * refund requests and platform arbitration go to a person.
 */
export function onOrder(d: Decision, event: OrderEvent): void {
  const previous = d.state.orders[event.orderId];
  d.state.orders[event.orderId] = { status: event.status, at: event.at, reminded: previous?.reminded ?? false };
  const { orders } = d.rules.policies;
  switch (event.status) {
    case 'created_unpaid':
      if (orders.unpaidReminderMinutes > 0 && !previous) {
        d.schedule(event.at + orders.unpaidReminderMinutes * 60_000, 'unpaid_reminder', event.orderId, {
          code: 'order.unpaid_reminder_scheduled',
          detail: `remind in ${orders.unpaidReminderMinutes} min if still unpaid`,
        });
      }
      return;
    case 'shipped':
      if (!orders.shippedNotice || d.humanActive) return;
      if (!event.courier || !event.trackingNo) {
        d.log({ code: 'order.shipped_without_tracking', detail: `order ${event.orderId}: no courier or tracking number, no notice` });
        return;
      }
      d.reply({
        script: 'orderShipped',
        variants: d.rules.scripts.orderShipped,
        rotationKey: 'orderShipped',
        intent: 'order_status',
        ruleId: 'scripts.orderShipped',
        values: { 'order.courier': event.courier, 'order.trackingNo': event.trackingNo },
        reason: { code: 'order.shipped', detail: `order ${event.orderId} shipped` },
      });
      return;
    case 'refund_requested':
      d.escalate('normal', [{ code: 'order.refund_requested', detail: `order ${event.orderId}: buyer requested a refund` }]);
      return;
    case 'arbitration':
      d.escalate('critical', [{ code: 'order.arbitration', detail: `order ${event.orderId}: the platform is arbitrating (平台介入)` }]);
      return;
    case 'paid':
    case 'closed':
      return;
  }
}

/** The 催付 timer: nudge once, only if the order is still unpaid and no person is talking. */
export function onUnpaidReminder(d: Decision, orderId: string): void {
  const order = d.state.orders[orderId];
  if (!order || order.status !== 'created_unpaid' || order.reminded) {
    d.log({ code: 'order.reminder_skipped', detail: `order ${orderId} is ${order?.status ?? 'unknown'}` });
    return;
  }
  if (d.humanActive) {
    d.log({ code: 'order.reminder_skipped', detail: 'a person is talking to the buyer' });
    return;
  }
  order.reminded = true;
  d.reply({
    script: 'orderUnpaid',
    variants: d.rules.scripts.orderUnpaid,
    rotationKey: 'orderUnpaid',
    intent: 'other',
    ruleId: 'scripts.orderUnpaid',
    reason: { code: 'order.unpaid', detail: `order ${orderId} unpaid after ${d.rules.policies.orders.unpaidReminderMinutes} min` },
  });
}
