import { describe, expect, it } from 'vitest';
import { decide } from '../decide.ts';
import { fixtureEngine } from '../test-support/rules.fixture.ts';
import type { Action } from '../types/action.ts';
import type { InboundEvent } from '../types/event.ts';
import type { Platform } from '../types/platform.ts';
import { initialState } from '../types/state.ts';
import { cst, shippedSla, TZ } from './rules.fixture.ts';
import { trackRound, type MetricsRound, type RoundsState } from './round.ts';

const sla = shippedSla();

let n = 0;
function event(kind: 'buyer_message' | 'agent_message' | 'conversation_closed' | 'order', at: number, platform: Platform = 'taobao'): InboundEvent {
  n += 1;
  const base = { id: `e${n}`, platform, shopId: 'shop', buyerId: 'buyer', at };
  if (kind === 'conversation_closed') return { ...base, kind };
  if (kind === 'order') return { ...base, kind, orderId: 'o1', status: 'shipped', courier: '中通快递', trackingNo: 'ZT1' };
  return { ...base, kind, text: '在吗' };
}

const reason = (code: string) => ({ code, detail: code });
const botReply = (script: 'faq' | 'greeting' | 'orderShipped' = 'faq'): Action => ({ kind: 'reply', id: 'a', script, text: '亲~', intent: 'other', ruleId: `scripts.${script}`, reason: reason(script) });
const handoff = (code: string): Action => ({ kind: 'handoff', id: 'h', reason: reason(code) });
const escalate = (code: string): Action => ({ kind: 'escalate', id: 'x', severity: 'normal', reasons: [reason(code)] });

/** Feed events (with the actions decide() would have returned) and keep the latest row per round. */
function replay(steps: [InboundEvent, Action[]][], platform: Platform = 'taobao') {
  let state: RoundsState = {};
  const rows = new Map<string, MetricsRound>();
  for (const [e, actions] of steps) {
    const out = trackRound(state, e, actions, sla[platform], TZ);
    state = out.state;
    if (out.changed) rows.set(out.changed.id, out.changed);
  }
  return { state, rows: [...rows.values()] };
}

describe('trackRound', () => {
  it('should open a round at the buyer’s first message and keep its start while it waits', () => {
    const first = event('buyer_message', cst('10:00'));
    const opened = trackRound({}, first, [], sla.taobao, TZ);
    expect(opened.changed).toEqual({ id: first.id, platform: 'taobao', shopId: 'shop', buyerId: 'buyer', startedAt: cst('10:00') });
    const again = trackRound(opened.state, event('buyer_message', cst('10:02')), [], sla.taobao, TZ);
    expect(again.changed).toBeUndefined();
    expect(again.state.open?.startedAt).toBe(cst('10:00'));
  });

  it('should record only the bot’s first answer, and end the round at a person’s reply', () => {
    const { state, rows } = replay([
      [event('buyer_message', cst('10:00')), [botReply('greeting')]],
      [event('buyer_message', cst('10:01')), [botReply()]],
      [event('agent_message', cst('10:02:30')), []],
      [event('agent_message', cst('10:03')), []],
    ]);
    expect(state).toEqual({});
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ startedAt: cst('10:00'), botRepliedAt: cst('10:00'), humanRepliedAt: cst('10:02:30') });
  });

  it('should not take an order notice (发货通知) for an answer', () => {
    const { rows } = replay([
      [event('buyer_message', cst('10:00')), []],
      [event('order', cst('10:01')), [botReply('orderShipped')]],
    ]);
    expect(rows[0]?.botRepliedAt).toBeUndefined();
  });

  it('should settle the round when the conversation closes', () => {
    const { state, rows } = replay([
      [event('buyer_message', cst('10:00')), [botReply()]],
      [event('conversation_closed', cst('10:05')), []],
    ]);
    expect(state).toEqual({});
    expect(rows[0]).toMatchObject({ botRepliedAt: cst('10:00'), closedAt: cst('10:05') });
    expect(rows[0]?.humanRepliedAt).toBeUndefined();
  });

  it('should start a new round when the buyer writes after the cap (Taobao: 10 minutes)', () => {
    const { state, rows } = replay([
      [event('buyer_message', cst('10:00')), []],
      [event('buyer_message', cst('10:09:59')), []],
      [event('buyer_message', cst('10:10')), []],
    ]);
    expect(rows.map((r) => r.startedAt)).toEqual([cst('10:00'), cst('10:10')]);
    expect(state.open?.startedAt).toBe(cst('10:10'));
  });

  it('should keep an uncapped round (JD) open for a day', () => {
    const { rows } = replay(
      [
        [event('buyer_message', cst('10:00'), 'jd'), []],
        [event('buyer_message', cst('09:59', '2026-11-19'), 'jd'), []],
        [event('buyer_message', cst('10:00', '2026-11-19'), 'jd'), []],
      ],
      'jd',
    );
    expect(rows.map((r) => r.startedAt)).toEqual([cst('10:00'), cst('10:00', '2026-11-19')]);
  });

  it('should restart a wait that began before opening at the first message inside service hours', () => {
    const { rows } = replay([
      [event('buyer_message', cst('07:50')), []],
      [event('buyer_message', cst('07:58')), []],
      [event('buyer_message', cst('08:05')), []],
      [event('agent_message', cst('08:06')), []],
    ]);
    expect(rows.map((r) => [r.startedAt, r.humanRepliedAt])).toEqual([
      [cst('07:50'), undefined],
      [cst('08:05'), cst('08:06')],
    ]);
  });

  it('should open a Douyin round only when the buyer asks for a person (转人工)', () => {
    const plain = trackRound({}, event('buyer_message', cst('10:00'), 'douyin'), [botReply('greeting')], sla.douyin, TZ);
    expect(plain).toEqual({ state: {} });
    const unsure = trackRound({}, event('buyer_message', cst('10:00'), 'douyin'), [handoff('faq.abstain')], sla.douyin, TZ);
    expect(unsure.changed).toBeUndefined();
    const byHandoff = trackRound({}, event('buyer_message', cst('10:01'), 'douyin'), [botReply(), handoff('handoff.requested')], sla.douyin, TZ);
    expect(byHandoff.changed).toMatchObject({ startedAt: cst('10:01'), botRepliedAt: cst('10:01') });
    const byEscalation = trackRound({}, event('buyer_message', cst('10:01'), 'douyin'), [escalate('handoff.requested')], sla.douyin, TZ);
    expect(byEscalation.state.open?.startedAt).toBe(cst('10:01'));
  });

  it('should carry a Douyin 转人工 made before opening into service hours', () => {
    const { rows } = replay(
      [
        [event('buyer_message', cst('07:55'), 'douyin'), [handoff('handoff.requested')]],
        [event('buyer_message', cst('08:01'), 'douyin'), []],
        [event('agent_message', cst('08:02'), 'douyin'), []],
      ],
      'douyin',
    );
    expect(rows.map((r) => r.startedAt)).toEqual([cst('07:55'), cst('08:01')]);
    expect(rows[1]?.humanRepliedAt).toBe(cst('08:02'));
  });

  it('should not change the state it was given', () => {
    const state: RoundsState = { open: { id: 'e0', platform: 'taobao', shopId: 'shop', buyerId: 'buyer', startedAt: cst('10:00') } };
    const copy = structuredClone(state);
    trackRound(state, event('buyer_message', cst('10:01')), [botReply()], sla.taobao, TZ);
    trackRound(state, event('agent_message', cst('10:02')), [], sla.taobao, TZ);
    expect(state).toEqual(copy);
  });

  it('should open a Douyin round from what decide() returns for 转人工', () => {
    const engine = fixtureEngine();
    let conversation = initialState();
    let rounds: RoundsState = {};
    const rows: MetricsRound[] = [];
    for (const e of [event('buyer_message', cst('10:00'), 'douyin'), { ...event('buyer_message', cst('10:01'), 'douyin'), text: '转人工' }, event('agent_message', cst('10:03'), 'douyin')] as InboundEvent[]) {
      const { actions, state } = decide(e, conversation, engine, e.at);
      conversation = state;
      const out = trackRound(rounds, e, actions, sla.douyin, TZ);
      rounds = out.state;
      if (out.changed) rows.push(out.changed);
    }
    expect(rows.at(-1)).toMatchObject({ startedAt: cst('10:01'), botRepliedAt: cst('10:01'), humanRepliedAt: cst('10:03') });
  });
});
