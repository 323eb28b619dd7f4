import { businessHoursInstant, decide, initialState, type Engine, type InboundEvent } from '@kefu/core';
import { measure, type Timing } from './measure.ts';

/** decide() itself, as the runtime calls it: a returning buyer mid-conversation, every text once per round. */
export function decideTiming(engine: Engine, texts: readonly string[], rounds = 5): Timing {
  const now = businessHoursInstant(engine);
  const state = { ...initialState(), buyerMessages: 3, returning: true, greetedAt: now - 60_000 };
  const events: InboundEvent[] = texts.map((text, i) => ({ kind: 'buyer_message', id: `b${i}`, platform: 'taobao', shopId: 's', buyerId: 'b', at: now, text }));
  return measure(events, (event) => decide(event, state, engine, now), rounds);
}

/** Wall time of one call, in ms. */
export function timeOnce(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
