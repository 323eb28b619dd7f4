import { describe, expect, it } from 'vitest';
import { byteLength } from '../text/index.ts';
import { CHANNELS, escalation, longTranscript, manyEscalations, NOW, TZ } from '../test-support/fixtures.ts';
import { renderWecomDigest, renderWecomEscalation, WECOM_MARKDOWN_MAX, WECOM_TEXT_MAX } from './render-wecom.ts';

const channel = CHANNELS.wecom;
type Body = { msgtype: string; markdown?: { content: string }; text?: { content: string; mentioned_list: string[]; mentioned_mobile_list: string[] } };
const bodyOf = (body: string) => JSON.parse(body) as Body;

describe('renderWecomEscalation', () => {
  it('should post group-robot markdown to the key URL, unsigned (the key is the secret)', () => {
    const request = renderWecomEscalation(channel, escalation(), NOW, TZ);
    expect(request.url).toBe(channel.url);
    expect(Object.keys(request.headers)).toEqual(['content-type']);
    const body = bodyOf(request.body);
    expect(body.msgtype).toBe('markdown');
    const content = body.markdown?.content ?? '';
    for (const part of [
      '**【紧急】买家要求退款并威胁投诉 12315**',
      '> 级别：<font color="warning">紧急</font>',
      '> 店铺：小鹿旗舰店',
      '> 回复时限：11-23 14:05:30（还剩 80 秒）',
      '- 提到 12315 投诉（complaint.regulator）',
      '> 买家 14:03:40：再不处理我就打 12315',
      `[认领](${escalation().claimUrl})`,
      `[查看](${escalation().conversationUrl})`,
    ]) {
      expect(content).toContain(part);
    }
  });

  it('should @ by <@userid> in markdown when everyone has a userId', () => {
    const content = bodyOf(renderWecomEscalation(channel, escalation({ mention: ['店长', '不存在'] }), NOW, TZ).body).markdown?.content ?? '';
    expect(content).toMatch(/<@zhangsan> @不存在$/);
  });

  it('should fall back to one text message with mentioned lists when someone has only a mobile', () => {
    const body = bodyOf(renderWecomEscalation(channel, escalation({ mention: ['店长', '值班'] }), NOW, TZ).body);
    expect(body.msgtype).toBe('text');
    expect(body.text?.mentioned_list).toEqual(['zhangsan']);
    expect(body.text?.mentioned_mobile_list).toEqual(['13800000004']);
    expect(body.text?.content).toContain(`认领：${escalation().claimUrl}`);
    expect(body.text?.content).not.toContain('<font');
  });

  it('should stop buyer text from mentioning anyone', () => {
    const content = bodyOf(renderWecomEscalation(channel, escalation({ transcript: [{ from: 'buyer', text: '<@zhangsan> 快回', at: NOW }] }), NOW, TZ).body).markdown?.content ?? '';
    expect(content).not.toContain('<@zhangsan>');
    expect(content).toContain('＜@zhangsan＞ 快回');
  });

  it('should keep a 10,000-character transcript within 4096 bytes of markdown and 2048 bytes of text', () => {
    const md = bodyOf(renderWecomEscalation(channel, escalation({ transcript: longTranscript(), mention: ['店长'] }), NOW, TZ).body).markdown?.content ?? '';
    expect(byteLength(md)).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX);
    expect(md).toContain('第49条');
    expect(md).toMatch(/<@zhangsan>$/);
    const text = bodyOf(renderWecomEscalation(channel, escalation({ transcript: longTranscript(), mention: ['值班'] }), NOW, TZ).body).text?.content ?? '';
    expect(byteLength(text)).toBeLessThanOrEqual(WECOM_TEXT_MAX);
    expect(text).toContain('第49条');
    expect(text).toContain(`认领：${escalation().claimUrl}`);
  });

  it('should render an update compactly', () => {
    const content = bodyOf(renderWecomEscalation(channel, escalation({ update: 3 }), NOW, TZ).body).markdown?.content ?? '';
    expect(content).toContain('**【更新】买家要求退款并威胁投诉 12315**');
    expect(content).toContain('**新信号**');
    expect(content).toContain('第 3 次更新');
    expect(content).not.toContain('最近消息');
  });
});

describe('renderWecomDigest', () => {
  it('should fit 25 escalations into 4096 bytes, listing the most urgent and counting the rest', () => {
    const content = bodyOf(renderWecomDigest(channel, manyEscalations(25), NOW, TZ).body).markdown?.content ?? '';
    expect(byteLength(content)).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX);
    expect(content.startsWith('**【汇总】25 条升级待处理**')).toBe(true);
    const listed = content.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(listed.length).toBeGreaterThan(3);
    expect(listed.length).toBeLessThan(25);
    expect(content).toContain(`…另有 ${25 - listed.length} 条未列出`);
    expect(listed.every((l) => l.includes('[认领]('))).toBe(true);
    expect(listed[0]).toContain('**[紧急]**');
  });

  it('should use text with mobile mentions for a digest when needed, within 2048 bytes', () => {
    const items = manyEscalations(25).map((e) => ({ ...e, mention: ['值班'] }));
    const body = bodyOf(renderWecomDigest(channel, items, NOW, TZ).body);
    expect(body.msgtype).toBe('text');
    expect(body.text?.mentioned_mobile_list).toEqual(['13800000004']);
    expect(byteLength(body.text?.content ?? '')).toBeLessThanOrEqual(WECOM_TEXT_MAX);
  });
});
