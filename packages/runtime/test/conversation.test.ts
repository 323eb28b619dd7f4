import type { InboundEvent } from '@kefu/core';
import { env, runDurableObjectAlarm } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareStack, testRules, type TestEnv } from '../src/contract/index.ts';

const testEnv = env as unknown as TestEnv;

/** The test rules with a 2-second JD clock, so the SLA alarm comes due during the test. */
async function putRules(change: (rules: ReturnType<typeof testRules>) => void = () => {}) {
  const rules = testRules(testEnv);
  rules.sla.jd = { replyWithinSeconds: 2, alertAfterSeconds: 1, holdingOnBreach: true };
  change(rules);
  await env.RULES.put('rules:global', JSON.stringify(rules));
}

beforeAll(async () => {
  await prepareStack(testEnv);
});

let n = 0;
function conversation() {
  n += 1;
  const buyerId = `buyer-${n}`;
  const stub = env.CONVERSATION.get(env.CONVERSATION.idFromName(`jd:shop:${buyerId}`));
  const message = (id: string, text: string) => ({ event: { kind: 'buyer_message', id, platform: 'jd', shopId: 'shop', buyerId, at: Date.now(), text } satisfies InboundEvent });
  return { stub, message };
}

describe('Conversation Durable Object', () => {
  it('should act exactly once on a message delivered twice at the same time', async () => {
    await putRules();
    const { stub, message } = conversation();
    const envelope = message('m1', '你好 什么时候发货');
    const results = await Promise.all([stub.handle(envelope), stub.handle(envelope)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['decided', 'duplicate']);
    const replies = (await stub.actions()).filter((a) => a.kind === 'reply');
    expect(replies.map((a) => a.kind === 'reply' && a.ruleId)).toEqual(['scripts.greeting.firstTime', 'shipping-time']);
    expect((await stub.handle(envelope)).kind).toBe('duplicate');
    expect(await stub.pendingJobs()).toBe(0);
  });

  it('should keep the conversation state between events', async () => {
    await putRules();
    const { stub, message } = conversation();
    await stub.handle(message('m1', '在吗'));
    const second = await stub.handle(message('m2', '在吗'));
    expect(second.kind === 'decided' && second.actions.filter((a) => a.kind === 'reply' && a.script === 'greeting')).toEqual([]);
  });

  it('should fire the SLA alert from its alarm when nobody replied', async () => {
    await putRules();
    const { stub, message } = conversation();
    const first = await stub.handle(message('m1', '这款黑色的XL和L码肩宽差多少'));
    expect(first.kind === 'decided' && first.actions.filter((a) => a.kind === 'schedule').length).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const escalations = (await stub.actions()).filter((a) => a.kind === 'escalate');
    expect(escalations).toEqual([expect.objectContaining({ severity: 'high', reasons: [expect.objectContaining({ code: 'sla.alert' })] })]);
  });

  it('should keep serving the last good rules when a bad version is written, and refuse to act with none', async () => {
    await putRules();
    const { stub, message } = conversation();
    await stub.handle(message('m1', '在吗'));
    await putRules((rules) => Object.assign(rules, { shop: { name: '' } }));
    expect((await stub.handle(message('m2', '什么时候发货'))).kind).toBe('decided');
    await env.RULES.delete('rules:global');
    expect((await stub.handle(message('m3', '什么时候发货'))).kind).toBe('no_rules');
    expect((await stub.handle(message('m3', '什么时候发货'))).kind).toBe('no_rules');
    await putRules();
  });
});
