import type { Action } from '@kefu/core';
import type { Recorded } from '@kefu/sandbox';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../clients/worker-client.ts';
import { ledger } from './ledger.ts';
import { claimRef, wecomMsgid } from './record-keys.ts';

let seq = 0;
const record = (channel: string, parsed: unknown, status: Recorded['status'] = 200): Recorded => ({ seq: (seq += 1), channel, at: Date.now(), method: 'POST', path: '/', query: {}, headers: {}, body: JSON.stringify(parsed), parsed, status });
const reply = (id: string): Action => ({ kind: 'reply', id, script: 'faq', text: 't', intent: 'shipping_time', ruleId: 'r', reason: { code: 'faq.answer', detail: '' } });
const escalate = (id: string): Action => ({ kind: 'escalate', id, severity: 'high', reasons: [{ code: 'complaint.anger', detail: '' }] });
const conversation = (platform: Conversation['platform'], buyer: string, actions: Action[], status: Record<string, string> = {}): Conversation => ({
  platform, shop: 's1', buyer, actions, pendingJobs: 0,
  deliveries: actions.filter((a) => a.kind === 'reply' || a.kind === 'escalate').map((a) => ({ id: a.id, status: status[a.id] ?? 'sent', attempts: 1, last_error: null })),
});
const bridgeSend = (platform: string, id: string, buyer: string, status: Recorded['status'] = 200) => record(`bridge:${platform}`, { msg_id: id, buyer_id: buyer, shop_id: 's1', text: 't' }, status);

describe('ledger', () => {
  it('should count a reply received once as delivered, twice as a duplicate, never as lost', () => {
    const c = [conversation('jd', 'b1', [reply('m1#0'), reply('m2#0')])];
    const once = ledger({ conversations: c, records: [bridgeSend('jd', 'm1#0', 'b1'), bridgeSend('jd', 'm2#0', 'b1', 503), bridgeSend('jd', 'm2#0', 'b1')] });
    expect(once).toMatchObject({ replies: 2, delivered: 2, lost: 0, duplicates: 0 });
    const twice = ledger({ conversations: c, records: [bridgeSend('jd', 'm1#0', 'b1'), bridgeSend('jd', 'm1#0', 'b1'), bridgeSend('jd', 'm2#0', 'b1')] });
    expect(twice).toMatchObject({ delivered: 2, duplicates: 1, lost: 0 });
  });

  it('should count a reply the platform never received as lost unless it is dead-lettered', () => {
    const c = [conversation('taobao', 'b1', [reply('m1#0'), reply('m2#0')], { 'm2#0': 'dead' })];
    const result = ledger({ conversations: c, records: [bridgeSend('taobao', 'm1#0', 'b1', 'dropped')] });
    expect(result).toMatchObject({ delivered: 0, lost: 1, dead: 1 });
    expect(result.problems[0]).toContain('m1#0');
    expect([...result.open]).toEqual(['taobao|s1|b1']);
  });

  it('should count a reply without a delivery row as not received (nobody claimed its send)', () => {
    const c = [{ ...conversation('jd', 'b1', [reply('m1#0')]), deliveries: [] }];
    expect(ledger({ conversations: c, records: [] })).toMatchObject({ replies: 1, lost: 1 });
  });

  it("should trace WeCom sends by the msgid derived from the action id", () => {
    const c = [conversation('wecom', 'b1', [reply('w1#0')])];
    const send = record('wecom:send_msg', { msgid: wecomMsgid('w1#0'), touser: 'b1' });
    expect(ledger({ conversations: c, records: [send] })).toMatchObject({ delivered: 1, lost: 0 });
    expect(ledger({ conversations: c, records: [record('wecom:send_msg', { msgid: wecomMsgid('other'), touser: 'b1' })] })).toMatchObject({ delivered: 0, lost: 1 });
  });

  it('should compare 抖音 IM sends per buyer with the replies sent', () => {
    const c = [conversation('douyin', 'b1', [reply('d1#0'), reply('d1#1')])];
    const im = () => record('douyin:im_send', { to_user_id: 'b1', msg_id: 'd1' });
    expect(ledger({ conversations: c, records: [im(), im()] })).toMatchObject({ delivered: 2, duplicates: 0, lost: 0 });
    expect(ledger({ conversations: c, records: [im(), im(), im()] })).toMatchObject({ duplicates: 1 });
    expect(ledger({ conversations: c, records: [im()] })).toMatchObject({ lost: 1 });
  });

  it('should expect one notice per escalation update, in a single notice or a digest', () => {
    const c = [conversation('jd', 'b1', [escalate('e1#1'), reply('e1#0'), escalate('t1#0')])];
    const key = (update: number) => ({ id: claimRef('jd', 's1', 'b1', 'e1#1'), update, reasons: [], title: 'x' });
    const single = record('team:test-team', { type: 'kefu.escalation', escalation: key(0) });
    const digest = record('team:test-team', { type: 'kefu.digest', escalations: [key(1)] });
    expect(ledger({ conversations: c, records: [single, digest, bridgeSend('jd', 'e1#0', 'b1')] })).toMatchObject({ notices: 2, delivered: 3, lost: 0, duplicates: 0 });
    expect(ledger({ conversations: c, records: [single, bridgeSend('jd', 'e1#0', 'b1')] })).toMatchObject({ delivered: 2, lost: 1 });
    expect(ledger({ conversations: c, records: [single, bridgeSend('jd', 'e1#0', 'b1')], channelDeadLetters: 1 })).toMatchObject({ delivered: 2, lost: 0, dead: 1 });
    expect(ledger({ conversations: c, records: [single, single, digest, bridgeSend('jd', 'e1#0', 'b1')] })).toMatchObject({ duplicates: 1 });
  });

  it('should say which duplicates followed a timeout the sender logged', () => {
    const c = [conversation('jd', 'b1', [reply('m1#0'), reply('m2#0')])];
    const records = [bridgeSend('jd', 'm1#0', 'b1'), bridgeSend('jd', 'm1#0', 'b1'), bridgeSend('jd', 'm2#0', 'b1'), bridgeSend('jd', 'm2#0', 'b1')];
    expect(ledger({ conversations: c, records, timedOut: new Set(['m1#0']) })).toMatchObject({ duplicates: 2, afterTimeout: 1 });
  });

  it('should tell a repeat after a timed-out attempt from a duplicate', () => {
    const c = [conversation('jd', 'b1', [reply('m1#0')])];
    const timedOut = bridgeSend('jd', 'm1#0', 'b1');
    const retried = bridgeSend('jd', 'm1#0', 'b1');
    const result = ledger({ conversations: c, records: [timedOut, retried], late: (r) => r === timedOut });
    expect(result).toMatchObject({ delivered: 1, duplicates: 0, lateRepeats: 1 });
  });
});
