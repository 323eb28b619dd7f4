import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { Conversation, kinds, replies } from './test-support/conversation.ts';
import { fixtureEngine, shanghai } from './test-support/rules.fixture.ts';
import { initialState } from './types/state.ts';

const engine = fixtureEngine();

describe('decide: greeting', () => {
  it('should greet a first-time buyer with the first-time script, once per window', () => {
    const c = new Conversation(engine);
    const first = replies(c.buyer('你好', shanghai('10:00')));
    expect(first.map((r) => r.ruleId)).toEqual(['scripts.greeting.firstTime']);
    expect(first[0]?.text).toBe('亲,欢迎光临测试店~');
    expect(replies(c.buyer('你好', shanghai('10:05'))).map((r) => r.ruleId)).not.toContain('scripts.greeting.firstTime');
  });

  it('should greet a returning buyer after the window with the returning script', () => {
    const c = new Conversation(engine);
    c.buyer('你好', shanghai('10:00'));
    const later = replies(c.buyer('你好', shanghai('10:00', '2026-11-19')));
    expect(later[0]?.ruleId).toBe('scripts.greeting.returning');
  });

  it('should use the returning script when the platform says the buyer has history', () => {
    const c = new Conversation(engine);
    expect(replies(c.buyer('在吗', shanghai('10:00'), true))[0]?.ruleId).toBe('scripts.greeting.returning');
  });

  it('should greet and answer the question in the same message', () => {
    const c = new Conversation(engine);
    const r = replies(c.buyer('在吗 什么时候发货', shanghai('10:00')));
    expect(r.map((a) => a.ruleId)).toEqual(['scripts.greeting.firstTime', 'shipping-time']);
  });
});

describe('decide: away', () => {
  it('should send the away notice once per off-period with the next opening time', () => {
    const c = new Conversation(engine);
    const first = replies(c.buyer('有人吗', shanghai('20:00')));
    expect(first[0]).toMatchObject({ ruleId: 'scripts.away', text: '亲,现在不在线哦,明天 09:00上线后第一时间回复您~' });
    expect(replies(c.buyer('有人吗', shanghai('21:00'))).map((r) => r.ruleId)).not.toContain('scripts.away');
    // Friday evening → Monday morning.
    const weekend = new Conversation(engine);
    expect(replies(weekend.buyer('在吗', shanghai('19:00', '2026-11-20')))[0]?.text).toContain('11月23日(周一) 09:00');
  });

  it('should still answer a confident FAQ outside business hours', () => {
    const c = new Conversation(engine);
    expect(replies(c.buyer('几天能到', shanghai('20:00'))).map((r) => r.ruleId)).toEqual(['scripts.away', 'shipping-time']);
  });
});

describe('decide: FAQ', () => {
  it('should rotate answer variants and not repeat the same answer within the window', () => {
    const c = new Conversation(engine);
    const a = replies(c.buyer('什么时候发货', shanghai('10:00'), true)).at(-1);
    expect(a).toMatchObject({ ruleId: 'shipping-time', intent: 'shipping_time', text: '亲,付款后48小时内发货哦~' });
    expect(a?.score).toBeGreaterThan(0.6);
    const again = c.buyer('什么时候发货', shanghai('10:05'));
    expect(replies(again).map((r) => r.ruleId)).not.toContain('shipping-time');
    expect(again.find((x) => x.kind === 'handoff')?.reason.code).toBe('faq.repeat');
    c.send('conversation_closed', shanghai('10:10'), {});
    const later = replies(c.buyer('什么时候发货', shanghai('11:00')));
    expect(later.at(-1)?.text).toBe('亲,我们会在48小时内为您发出~');
  });

  it('should bring a person in after an answer whose rule asks for follow-up', () => {
    const c = new Conversation(engine);
    c.buyer('你好', shanghai('09:59'), true);
    const damaged = c.buyer('收到破损了', shanghai('10:00'));
    expect(kinds(damaged)).toEqual(['reply', 'escalate', 'handoff', 'schedule', 'schedule']);
    const other = new Conversation(engine);
    other.buyer('你好', shanghai('09:59'), true);
    const order = other.buyer('我的快递到哪了', shanghai('10:00'));
    expect(kinds(order)).toEqual(['reply', 'handoff', 'schedule', 'schedule']);
  });

  it('should hold and hand over when unsure, starting the SLA clock once', () => {
    const c = new Conversation(engine);
    const at = shanghai('10:00');
    c.buyer('你好', at - 60_000, true);
    const actions = c.buyer('你们家的猫粮适合三个月的小猫吗', at);
    expect(replies(actions).map((r) => r.ruleId)).toEqual(['scripts.holding']);
    expect(replies(actions)[0]?.text).toBe('亲,这个问题需要核实一下,会在30分钟内回复您~');
    expect(actions.filter((a) => a.kind === 'schedule').map((a) => a.kind === 'schedule' && [a.purpose, a.at])).toEqual([
      ['sla_alert', at + 100_000],
      ['sla_breach', at + 180_000],
    ]);
    const second = c.buyer('还有狗粮吗', at + 30_000);
    expect(kinds(second)).toEqual(['handoff']);
  });
});

describe('decide: complaints and people', () => {
  it('should soothe, escalate with reasons and severity, and start the clock', () => {
    const c = new Conversation(engine);
    const actions = c.buyer('杯子碎了,不处理我就打12315', shanghai('10:00'), true);
    expect(replies(actions)).toEqual([expect.objectContaining({ ruleId: 'scripts.complaintSoothe', intent: 'complaint' })]);
    const escalation = actions.find((a) => a.kind === 'escalate');
    expect(escalation).toMatchObject({ severity: 'critical' });
    expect(escalation?.kind === 'escalate' && escalation.reasons.map((r) => r.code)).toEqual(['complaint.threat', 'complaint.damaged']);
    expect(kinds(actions)).toContain('schedule');
  });

  it('should answer a calm damage report with the FAQ answer, and still escalate', () => {
    const c = new Conversation(engine);
    c.buyer('你好', shanghai('09:59'), true);
    const calm = c.buyer('收到包装破损了,杯子坏了', shanghai('10:00'));
    expect(replies(calm)).toEqual([expect.objectContaining({ ruleId: 'damaged', intent: 'damaged_wrong' })]);
    expect(kinds(calm)).toEqual(['reply', 'escalate', 'handoff', 'schedule', 'schedule']);
    const unmatched = new Conversation(engine);
    unmatched.buyer('你好', shanghai('09:59'), true);
    expect(replies(unmatched.buyer('杯子坏了', shanghai('10:00'))).map((r) => r.ruleId)).toEqual(['scripts.complaintSoothe']);
    const angry = new Conversation(engine);
    angry.buyer('你好', shanghai('09:59'), true);
    const upset = angry.buyer('收到包装破损了,杯子坏了,太失望了!!!', shanghai('10:00'));
    expect(replies(upset).map((r) => r.ruleId)).toEqual(['scripts.complaintSoothe']);
  });

  it('should escalate and hand over when the buyer asks for a person', () => {
    const c = new Conversation(engine);
    const actions = c.buyer('转人工', shanghai('10:00'), true);
    expect(replies(actions).map((r) => r.ruleId)).toEqual(['scripts.handoff']);
    expect(kinds(actions)).toEqual(expect.arrayContaining(['escalate', 'handoff']));
  });

  it('should not treat "不用转人工" as a request for a person', () => {
    const c = new Conversation(engine);
    expect(kinds(c.buyer('不用转人工了', shanghai('10:00'), true))).not.toContain('escalate');
  });

  it('should stay silent while a person is active, resume after the quiet period, and log the response time', () => {
    const c = new Conversation(engine);
    const t = shanghai('10:00');
    c.buyer('你们家的猫粮适合小猫吗', t, true);
    const agent = c.send('agent_message', t + 40_000, { text: '适合的亲' });
    expect(agent.find((a) => a.kind === 'log' && a.reason.code === 'sla.round_closed')).toMatchObject({ data: { responseSeconds: 40, withinSla: true } });
    expect(replies(c.buyer('什么时候发货', t + 60_000))).toEqual([]);
    // Complaints still reach the team while a person is active, without a bot reply.
    const complaint = c.buyer('我要投诉', t + 90_000);
    expect(kinds(complaint)).toContain('escalate');
    expect(replies(complaint)).toEqual([]);
    expect(replies(c.buyer('什么时候发货', t + 31 * 60_000)).map((r) => r.ruleId)).toEqual(['shipping-time']);
  });
});

describe('decide: SLA timers', () => {
  it('should alert before the deadline and re-escalate at it while nobody replied', () => {
    const c = new Conversation(engine);
    const t = shanghai('10:00');
    c.buyer('你们家的猫粮适合小猫吗', t, true);
    const alert = c.send('timer', t + 100_000, { purpose: 'sla_alert', ref: 'e1' });
    expect(alert).toEqual([expect.objectContaining({ kind: 'escalate', severity: 'high', deadline: t + 180_000 })]);
    const breach = c.send('timer', t + 180_000, { purpose: 'sla_breach', ref: 'e1' });
    expect(kinds(breach)).toEqual(['escalate', 'reply']);
  });

  it('should ignore a timer whose round a person already closed', () => {
    const c = new Conversation(engine);
    const t = shanghai('10:00');
    c.buyer('你们家的猫粮适合小猫吗', t, true);
    c.send('agent_message', t + 20_000, { text: '适合' });
    expect(kinds(c.send('timer', t + 100_000, { purpose: 'sla_alert', ref: 'e1' }))).toEqual(['log']);
  });

  it('should not start the clock outside the platform service hours', () => {
    const c = new Conversation(engine);
    const actions = c.buyer('你们家的猫粮适合小猫吗', shanghai('23:30'), true);
    expect(kinds(actions)).not.toContain('schedule');
  });
});

describe('decide: orders', () => {
  it('should schedule 催付 and send it only while the order is unpaid', () => {
    const c = new Conversation(engine);
    const t = shanghai('10:00');
    const created = c.send('order', t, { orderId: 'o1', status: 'created_unpaid' });
    expect(created).toEqual([expect.objectContaining({ kind: 'schedule', purpose: 'unpaid_reminder', ref: 'o1', at: t + 30 * 60_000 })]);
    expect(replies(c.send('timer', t + 30 * 60_000, { purpose: 'unpaid_reminder', ref: 'o1' })).map((r) => r.ruleId)).toEqual(['scripts.orderUnpaid']);
    expect(replies(c.send('timer', t + 31 * 60_000, { purpose: 'unpaid_reminder', ref: 'o1' }))).toEqual([]);
    const paid = new Conversation(engine);
    paid.send('order', t, { orderId: 'o2', status: 'created_unpaid' });
    paid.send('order', t + 60_000, { orderId: 'o2', status: 'paid' });
    expect(replies(paid.send('timer', t + 30 * 60_000, { purpose: 'unpaid_reminder', ref: 'o2' }))).toEqual([]);
  });

  it('should send the shipped notice with courier and tracking number', () => {
    const c = new Conversation(engine);
    const r = replies(c.send('order', shanghai('10:00'), { orderId: 'o1', status: 'shipped', courier: '顺丰速运', trackingNo: 'SF123' }));
    expect(r[0]?.text).toBe('亲,您的包裹已由顺丰速运发出,单号SF123~');
  });

  it('should escalate refund requests and critical-escalate platform arbitration', () => {
    const c = new Conversation(engine);
    expect(c.send('order', shanghai('10:00'), { orderId: 'o1', status: 'refund_requested' })[0]).toMatchObject({ kind: 'escalate', severity: 'normal' });
    expect(c.send('order', shanghai('10:01'), { orderId: 'o1', status: 'arbitration' })[0]).toMatchObject({ kind: 'escalate', severity: 'critical' });
  });
});

describe('decide: determinism', () => {
  it('should not mutate the state it was given and give ids derived from the event', () => {
    const state = initialState();
    const frozen = structuredClone(state);
    const event = { kind: 'buyer_message', id: 'm1', platform: 'jd', shopId: 's', buyerId: 'b', at: shanghai('10:00'), text: '在吗' } as const;
    const a = decide(event, state, engine, shanghai('10:00'));
    expect(state).toEqual(frozen);
    expect(a.actions.map((x) => x.id)).toEqual(a.actions.map((_, i) => `m1#${i}`));
  });
});
