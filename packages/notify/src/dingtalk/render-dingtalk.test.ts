import { describe, expect, it } from 'vitest';
import { CHANNELS, escalation, longTranscript, manyEscalations, NOW, TZ } from '../test-support/fixtures.ts';
import { dingtalkUrl, renderDingtalkDigest, renderDingtalkEscalation } from './render-dingtalk.ts';

const channel = CHANNELS.dingtalk;
type Body = {
  msgtype: string;
  actionCard?: { title: string; text: string; singleTitle?: string; singleURL?: string; btnOrientation?: string; btns?: { title: string; actionURL: string }[] };
  markdown?: { title: string; text: string };
  at?: { atMobiles: string[]; atUserIds: string[]; isAtAll: boolean };
};
const bodyOf = (body: string) => JSON.parse(body) as Body;

describe('dingtalkUrl', () => {
  it('should sign with the protocols §8 vector, URL-encoded once', () => {
    const url = dingtalkUrl({ ...channel, secret: 'SEC0123456789abcdef' }, 1700000000000);
    expect(url).toBe('https://oapi.dingtalk.com/robot/send?access_token=dt-token&timestamp=1700000000000&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D');
    expect(new URL(url).searchParams.get('sign')).toBe('TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=');
  });

  it('should leave the URL alone when the robot has no secret', () => {
    const { secret: _, ...unsigned } = channel;
    expect(dingtalkUrl(unsigned, NOW)).toBe(channel.url);
  });
});

describe('renderDingtalkEscalation', () => {
  it('should render an actionCard with facts, signals, deadline, quotes and 认领/查看 buttons', () => {
    const request = renderDingtalkEscalation(channel, escalation(), NOW, TZ);
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(new URL(request.url).searchParams.get('timestamp')).toBe(String(NOW));
    const body = bodyOf(request.body);
    expect(body.msgtype).toBe('actionCard');
    const card = body.actionCard;
    expect(card?.title).toBe('【紧急】买家要求退款并威胁投诉 12315');
    for (const part of ['**级别**：紧急', '**平台**：抖店', '**店铺**：小鹿旗舰店', '**买家**：买家 t***8', '提到 12315 投诉（complaint.regulator）', '11-23 14:05:30（还剩 80 秒）', '> 买家 14:03:40：再不处理我就打 12315', '升级 esc_01HZX3']) {
      expect(card?.text).toContain(part);
    }
    expect(card?.btnOrientation).toBe('1');
    expect(card?.btns).toEqual([
      { title: '认领', actionURL: escalation().claimUrl },
      { title: '查看', actionURL: escalation().conversationUrl },
    ]);
  });

  it('should use a single-button card when only one link exists, and markdown when none', () => {
    const single = bodyOf(renderDingtalkEscalation(channel, escalation({ claimUrl: undefined }), NOW, TZ).body);
    expect(single.actionCard).toMatchObject({ singleTitle: '查看', singleURL: escalation().conversationUrl });
    const none = bodyOf(renderDingtalkEscalation(channel, escalation({ claimUrl: undefined, conversationUrl: undefined }), NOW, TZ).body);
    expect(none.msgtype).toBe('markdown');
  });

  it('should switch to markdown with at.atMobiles and the @mobile in the text to mention people', () => {
    const body = bodyOf(renderDingtalkEscalation(channel, escalation({ mention: ['店长', '值班', '客服主管', '路人'] }), NOW, TZ).body);
    expect(body.msgtype).toBe('markdown');
    expect(body.at).toEqual({ atMobiles: ['13800000001', '13800000002'], atUserIds: ['dt-user-7'], isAtAll: false });
    const text = body.markdown?.text ?? '';
    expect(text).toMatch(/@13800000001 @13800000002 @dt-user-7$/);
    expect(text).toContain('@路人');
    expect(text).toContain(`[认领](${escalation().claimUrl})`);
    expect(text).toContain(`[查看](${escalation().conversationUrl})`);
  });

  it('should keep a 10,000-character transcript within 5000 characters, newest messages first to stay', () => {
    const e = escalation({ transcript: longTranscript(), mention: ['店长'] });
    const body = bodyOf(renderDingtalkEscalation(channel, e, NOW, TZ).body);
    const text = body.markdown?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(5000);
    expect(text).toContain('第49条');
    expect(text).not.toContain('第0条');
    expect(text.endsWith('@13800000001')).toBe(true);
    expect(body.markdown?.title.length).toBeLessThanOrEqual(64);
  });

  it('should cut an over-long title and signals but keep the links and the @', () => {
    const e = escalation({ title: '长'.repeat(500), reasons: Array.from({ length: 100 }, (_, i) => ({ code: `c${i}`, detail: '原因'.repeat(50) })), mention: ['店长'] });
    const body = bodyOf(renderDingtalkEscalation(channel, e, NOW, TZ).body);
    expect(body.markdown?.title.length).toBeLessThanOrEqual(64);
    expect(body.markdown?.text.length).toBeLessThanOrEqual(5000);
    expect(body.markdown?.text).toContain(`[认领](${e.claimUrl})`);
    expect(body.markdown?.text.endsWith('@13800000001')).toBe(true);
  });

  it('should not let buyer text become links or markup', () => {
    const e = escalation({ transcript: [{ from: 'buyer', text: '点[这里](https://evil.example)\n<font color=red>快</font>', at: NOW }] });
    const text = bodyOf(renderDingtalkEscalation(channel, e, NOW, TZ).body).actionCard?.text ?? '';
    expect(text).not.toContain('](https://evil.example)');
    expect(text).not.toContain('<font');
    expect(text).toContain('> 买家 14:04:10：点［这里］(https://evil.example) ＜font color=red＞快＜/font＞');
  });

  it('should render an update as a compact 【更新】 message without the transcript', () => {
    const e = escalation({ update: 2, reasons: [{ code: 'sla.deadline', detail: '还有 80 秒超时' }] });
    const card = bodyOf(renderDingtalkEscalation(channel, e, NOW, TZ).body).actionCard;
    expect(card?.title).toBe('【更新】买家要求退款并威胁投诉 12315');
    expect(card?.text).toContain('**新信号**');
    expect(card?.text).toContain('还有 80 秒超时（sla.deadline）');
    expect(card?.text).toContain('11-23 14:05:30（还剩 80 秒）');
    expect(card?.text).toContain('第 2 次更新');
    expect(card?.text).not.toContain('最近消息');
  });
});

describe('renderDingtalkDigest', () => {
  it('should list 25 escalations in one signed markdown message, most urgent first, within 5000 characters', () => {
    const items = manyEscalations(25);
    const request = renderDingtalkDigest(channel, items, NOW, TZ);
    expect(new URL(request.url).searchParams.get('sign')).toBeTruthy();
    const body = bodyOf(request.body);
    expect(body.msgtype).toBe('markdown');
    const text = body.markdown?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(5000);
    expect(text).toContain('【汇总】25 条升级待处理');
    const listed = text.split('\n').filter((l) => /^\d+\. /.test(l));
    const omitted = Number(/另有 (\d+) 条/.exec(text)?.[1] ?? 0);
    expect(listed.length + omitted).toBe(25);
    expect(listed[0]).toMatch(/^1\. \*\*\[紧急\]\*\* 抖店\/小鹿旗舰店\/买家 b\*\*\*3 · 提到 12315 投诉 · 时限 11-23 14:08:10（还剩 4 分钟） \[认领\]\(https:\/\/kefu\.example\.com\/claim\/esc_003/);
  });

  it('should @ everyone the items ask for, once', () => {
    const items = manyEscalations(3).map((e, i) => ({ ...e, mention: i === 0 ? ['店长'] : ['店长', '值班'] }));
    const body = bodyOf(renderDingtalkDigest(channel, items, NOW, TZ).body);
    expect(body.at).toEqual({ atMobiles: ['13800000001'], atUserIds: ['dt-user-7'], isAtAll: false });
  });
});
