import { join } from 'node:path';
import type { Action, Engine } from '@kefu/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulesDirectory } from '../rules-dir/load.ts';
import { REPO_ROOT } from '../test-support/run-cs.ts';
import { SimClock } from './clock.ts';
import { hoursNote, renderSteps, PLAIN } from './render.ts';
import { ChatSession, type Step } from './session.ts';
import { parseWhen } from './time.ts';

const ZONE = 'Asia/Shanghai';
/** A Wednesday morning: open, and inside Taobao's measured hours. */
const MORNING = parseWhen('2026-11-18 10:00', ZONE, 0) ?? Number.NaN;
const COMPLAINT = '收到的杯子碎了,什么破质量,不处理我就打12315投诉!!!';

let engine: Engine;
beforeAll(async () => {
  const loaded = await loadRulesDirectory(join(REPO_ROOT, 'rules'));
  if (loaded.kind !== 'ok') throw new Error('the repository rules must be valid');
  engine = loaded.engine;
});

/** A session on a real clock the test moves by hand. */
function start(at: number, options: { returning?: boolean } = {}) {
  const real = { now: 0 };
  const session = new ChatSession(engine, { platform: 'taobao', shopId: 'test-shop', clock: new SimClock(at, () => real.now), ...options });
  return { session, real };
}

const kinds = (step: Step | undefined): string[] => (step?.actions ?? []).map((a) => a.kind);
const ofKind = <K extends Action['kind']>(steps: readonly Step[], kind: K) => steps.flatMap((s) => s.actions).filter((a): a is Extract<Action, { kind: K }> => a.kind === kind);

describe('ChatSession', () => {
  it('should escalate a complaint with its signals and schedule the SLA alert and breach', () => {
    const { session } = start(MORNING);
    const steps = session.say(COMPLAINT);
    expect(steps).toHaveLength(1);
    expect(kinds(steps[0])).toEqual(expect.arrayContaining(['reply', 'escalate', 'handoff', 'schedule']));
    const [escalation] = ofKind(steps, 'escalate');
    expect(escalation?.reasons.some((r) => r.code.startsWith('complaint.') && r.detail.includes('12315'))).toBe(true);
    const sla = engine.rules.sla.taobao;
    const schedules = ofKind(steps, 'schedule').map((s) => ({ purpose: s.purpose, at: s.at }));
    expect(schedules).toEqual([
      { purpose: 'sla_alert', at: MORNING + sla.alertAfterSeconds * 1000 },
      { purpose: 'sla_breach', at: MORNING + sla.replyWithinSeconds * 1000 },
    ]);
    expect(session.timers.map((t) => t.purpose)).toEqual(['sla_alert', 'sla_breach']);
    expect(session.state.round?.reason).toBe('complaint');
    expect(renderSteps(steps, ZONE, PLAIN).join('\n')).toContain('schedule sla_alert at 10:01:40 (in 1m40s)');
  });

  it('should fire the SLA alert on /wait, at its own time, and leave the breach pending', () => {
    const { session } = start(MORNING);
    session.say(COMPLAINT);
    const steps = session.wait(2 * 60_000);
    expect(steps.map((s) => s.trigger)).toEqual([{ kind: 'timer', buyer: 'buyer-1', purpose: 'sla_alert', ref: 'chat-1' }]);
    expect(steps[0]?.at).toBe(MORNING + engine.rules.sla.taobao.alertAfterSeconds * 1000);
    const [alert] = ofKind(steps, 'escalate');
    expect(alert?.severity).toBe('high');
    expect(alert?.reasons[0]?.code).toBe('sla.alert');
    expect(session.timers.map((t) => t.purpose)).toEqual(['sla_breach']);
    expect(session.clock.now()).toBe(MORNING + 2 * 60_000);

    const breach = session.waitForNextTimer();
    expect(ofKind(breach, 'escalate')[0]?.reasons[0]?.code).toBe('sla.breach');
    expect(session.timers).toEqual([]);
  });

  it('should stop the SLA clock when a person replies: the timers then fire stale', () => {
    const { session } = start(MORNING);
    session.say(COMPLAINT);
    const [reply] = session.agent('亲 马上为您处理');
    expect(ofKind(reply ? [reply] : [], 'log').map((a) => a.reason.code)).toEqual(['sla.round_closed', 'human.active']);
    expect(session.state.round).toBeUndefined();
    const later = session.wait(5 * 60_000);
    expect(later.map((s) => s.trigger.kind)).toEqual(['timer', 'timer']);
    expect(ofKind(later, 'escalate')).toEqual([]);
    expect(ofKind(later, 'log').map((a) => a.reason.code)).toEqual(['sla.timer_stale', 'sla.timer_stale']);
  });

  it('should let real time run the clock: a late line first fires what came due', () => {
    const { session, real } = start(MORNING);
    session.say(COMPLAINT);
    real.now += 2 * 60_000;
    const steps = session.say('人呢');
    expect(steps.map((s) => s.trigger.kind)).toEqual(['timer', 'buyer']);
    expect(steps[1]?.at).toBe(MORNING + 2 * 60_000);
  });

  it('should answer at 23:30 on a closed evening with the away notice and the next opening', () => {
    const at = parseWhen('2026-11-18 23:30', ZONE, 0) ?? Number.NaN;
    expect(at).toBe(Date.parse('2026-11-18T23:30:00+08:00'));
    const { session } = start(at);
    expect(hoursNote(session, at)).toBe('closed, reopens 明天 09:00');
    const steps = session.say('在吗');
    const replies = ofKind(steps, 'reply');
    expect(replies.map((r) => r.ruleId)).toContain('scripts.away');
    const away = replies.find((r) => r.ruleId === 'scripts.away');
    expect(away?.reason).toEqual({ code: 'away.closed', detail: 'outside business hours; reopens 明天 09:00' });
    expect(ofKind(steps, 'schedule')).toEqual([]); // Taobao does not measure replies at 23:30
  });

  it('should answer an FAQ question with the rule id and its score', () => {
    const { session } = start(MORNING);
    const steps = session.say('亲 下单后几天发货呀');
    const faq = ofKind(steps, 'reply').find((r) => r.script === 'faq');
    expect(faq).toMatchObject({ ruleId: 'shipping-time', intent: 'shipping_time' });
    expect(faq?.score).toBeGreaterThanOrEqual(engine.rules.policies.faq.answerAt);
    expect(renderSteps(steps, ZONE, PLAIN).join('\n')).toMatch(/reply \[shipping_time · shipping-time 0\.\d\d\]/);
  });

  it('should start a new conversation, returning on request, dropping the old timers', () => {
    const { session } = start(MORNING);
    session.say(COMPLAINT);
    expect(session.newBuyer(true)).toEqual({ dropped: 2 });
    expect(session.buyer).toBe('buyer-2');
    const replies = ofKind(session.say('在吗'), 'reply');
    expect(replies.map((r) => r.ruleId)).toContain('scripts.greeting.returning');
    expect(session.state.returning).toBe(true);
  });

  it('should fire timers passed by /at forward, and none going back', () => {
    const { session } = start(MORNING);
    session.say(COMPLAINT);
    expect(session.setTime(MORNING - 3_600_000)).toEqual([]);
    expect(session.setTime(MORNING + 3_600_000).map((s) => s.trigger)).toMatchObject([{ purpose: 'sla_alert' }, { purpose: 'sla_breach' }]);
  });
});
