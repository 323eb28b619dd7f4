import { decide, initialState, type ConversationState, type Engine, type InboundEvent } from '@kefu/core';
import { formatAction } from '../format/actions.ts';

type Step =
  | { at: string; buyer: string; say: string }
  | { at: string; buyer: string; agent: string }
  | { at: string; buyer: string; timer: 'sla_alert' | 'sla_breach' | 'unpaid_reminder'; ref: string }
  | { at: string; buyer: string; order: 'created_unpaid' | 'shipped'; orderId: string };

/** A day at a shop, in the shop's own time zone (Asia/Shanghai by default). */
const SCENARIO: Step[] = [
  { at: '2026-11-18T10:00:05+08:00', buyer: 'buyer-a', say: '在吗' },
  { at: '2026-11-18T10:00:20+08:00', buyer: 'buyer-a', say: '亲 下单后几天发货呀' },
  { at: '2026-11-18T10:00:40+08:00', buyer: 'buyer-a', say: '發什麼快遞?能發順豐嗎' },
  { at: '2026-11-18T10:01:10+08:00', buyer: 'buyer-a', say: '这款黑色的XL码和L码肩宽差多少' },
  { at: '2026-11-18T10:02:50+08:00', buyer: 'buyer-a', timer: 'sla_alert', ref: 'demo-3' },
  { at: '2026-11-18T10:03:05+08:00', buyer: 'buyer-a', agent: '亲,XL比L肩宽大2厘米哦' },
  { at: '2026-11-18T10:03:30+08:00', buyer: 'buyer-a', say: '好的谢谢' },
  { at: '2026-11-18T10:05:00+08:00', buyer: 'buyer-a', order: 'created_unpaid', orderId: 'order-1' },
  { at: '2026-11-18T10:35:00+08:00', buyer: 'buyer-a', timer: 'unpaid_reminder', ref: 'order-1' },
  { at: '2026-11-18T14:00:00+08:00', buyer: 'buyer-c', say: '不是要投诉哈 就问下怎么退货' },
  { at: '2026-11-18T14:02:00+08:00', buyer: 'buyer-d', say: '收到的杯子有个裂痕' },
  { at: '2026-11-18T23:40:00+08:00', buyer: 'buyer-b', say: '我的快递怎么还没发货??' },
  { at: '2026-11-18T23:41:00+08:00', buyer: 'buyer-b', say: '收到的杯子碎了,什么破质量,不处理我就打12315投诉!!!' },
];

function toEvent(step: Step, id: string): InboundEvent {
  const base = { id, platform: 'taobao' as const, shopId: 'demo-shop', buyerId: step.buyer, at: Date.parse(step.at) };
  if ('say' in step) return { ...base, kind: 'buyer_message', text: step.say };
  if ('agent' in step) return { ...base, kind: 'agent_message', text: step.agent };
  if ('timer' in step) return { ...base, kind: 'timer', purpose: step.timer, ref: step.ref };
  return { ...base, kind: 'order', orderId: step.orderId, status: step.order };
}

function describe(step: Step): string {
  if ('say' in step) return `🧑 ${step.buyer}: ${step.say}`;
  if ('agent' in step) return `👩‍💼 agent → ${step.buyer}: ${step.agent}`;
  if ('timer' in step) return `⏰ timer ${step.timer} fires (${step.buyer})`;
  return `📦 order ${step.orderId} ${step.order} (${step.buyer})`;
}

/**
 * `cs demo`: play a day at a shop through the engine and print every decision with its reason;
 * `cs demo "text" …` sends the given messages as one buyer during business hours.
 */
export function demo(engine: Engine, messages: readonly string[], log: (line: string) => void): number {
  const steps: Step[] =
    messages.length > 0
      ? messages.map((say, i) => ({ at: new Date(Date.parse('2026-11-18T10:00:00+08:00') + i * 20_000).toISOString(), buyer: 'buyer', say }))
      : SCENARIO;
  const states = new Map<string, ConversationState>();
  const zone = engine.rules.shop.timezone;
  for (const [i, step] of steps.entries()) {
    const event = toEvent(step, `demo-${i}`);
    const { actions, state } = decide(event, states.get(step.buyer) ?? initialState(), engine, event.at);
    states.set(step.buyer, state);
    const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(event.at);
    log(`\n[${clock}] ${describe(step)}`);
    if (actions.length === 0) log('   (nothing to do)');
    for (const action of actions) log(`   ${formatAction(action, zone).replaceAll('\n', '\n   ')}`);
  }
  return 0;
}
