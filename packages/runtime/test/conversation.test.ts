import type { InboundEvent, RulesInput } from '@kefu/core';
import { env, runDurableObjectAlarm } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';

/** The default rules, open around the clock (tests run at any hour) with a 2-second JD clock. */
function testRules(): RulesInput {
  const rules = structuredClone(env.DEFAULT_RULES) as unknown as RulesInput;
  const allDay = [{ start: '00:00', end: '24:00' }];
  rules.hours = { weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }, overrides: [] };
  rules.sla.jd = { replyWithinSeconds: 2, alertAfterSeconds: 1, holdingOnBreach: true };
  return rules;
}

beforeEach(async () => {
  await env.RULES.put('rules:global', JSON.stringify(testRules()));
});

let n = 0;
function conversation() {
  n += 1;
  const buyerId = `buyer-${n}`;
  const stub = env.CONVERSATION.get(env.CONVERSATION.idFromName(`jd:shop:${buyerId}`));
  const message = (id: string, text: string): InboundEvent => ({ kind: 'buyer_message', id, platform: 'jd', shopId: 'shop', buyerId, at: Date.now(), text });
  return { stub, message };
}

describe('Conversation Durable Object', () => {
  it('should act exactly once on a message delivered twice at the same time', async () => {
    const { stub, message } = conversation();
    const event = message('m1', '你好 什么时候发货');
    const results = await Promise.all([stub.handle(event), stub.handle(event)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['decided', 'duplicate']);
    const outbox = await stub.outbox();
    expect(outbox.filter((a) => a.kind === 'reply').map((a) => a.kind === 'reply' && a.ruleId)).toEqual(['scripts.greeting.firstTime', 'shipping-time']);
    expect((await stub.handle(event)).kind).toBe('duplicate');
  });

  it('should keep the conversation state between events', async () => {
    const { stub, message } = conversation();
    await stub.handle(message('m1', '在吗'));
    const second = await stub.handle(message('m2', '在吗'));
    expect(second.kind === 'decided' && second.actions.filter((a) => a.kind === 'reply' && a.script === 'greeting')).toEqual([]);
  });

  it('should fire the SLA alert from its alarm when nobody replied', async () => {
    const { stub, message } = conversation();
    const first = await stub.handle(message('m1', '这款黑色的XL和L码肩宽差多少'));
    expect(first.kind === 'decided' && first.actions.filter((a) => a.kind === 'schedule').length).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const escalations = (await stub.outbox()).filter((a) => a.kind === 'escalate');
    expect(escalations).toEqual([expect.objectContaining({ severity: 'high', reasons: [expect.objectContaining({ code: 'sla.alert' })] })]);
  });

  it('should keep serving the last good rules when a bad version is written, and refuse to act with none', async () => {
    const { stub, message } = conversation();
    await stub.handle(message('m1', '在吗'));
    await env.RULES.put('rules:global', JSON.stringify({ ...testRules(), shop: { name: '' } }));
    const served = await stub.handle(message('m2', '什么时候发货'));
    expect(served.kind).toBe('decided');
    await env.RULES.delete('rules:global');
    expect((await stub.handle(message('m3', '什么时候发货'))).kind).toBe('no_rules');
    expect((await stub.handle(message('m3', '什么时候发货'))).kind).toBe('no_rules');
  });
});
