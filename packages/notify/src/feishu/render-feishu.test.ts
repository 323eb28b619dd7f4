import { feishuSign } from '@kefu/wire';
import { describe, expect, it } from 'vitest';
import { byteLength } from '../text/index.ts';
import { CHANNELS, escalation, longTranscript, manyEscalations, NOW, TZ } from '../test-support/fixtures.ts';
import { FEISHU_BODY_MAX, renderFeishuDigest, renderFeishuEscalation } from './render-feishu.ts';

const channel = CHANNELS.feishu;
type Element = { tag: string; text?: { tag: string; content: string }; actions?: { tag: string; text: { content: string }; type: string; url: string }[] };
type Body = { timestamp?: string; sign?: string; msg_type: string; card: { header: { title: { tag: string; content: string }; template: string }; elements: Element[] } };
const bodyOf = (body: string) => JSON.parse(body) as Body;
const markdownOf = (b: Body) => b.card.elements.flatMap((e) => (e.text ? [e.text.content] : [])).join('\n');

describe('renderFeishuEscalation', () => {
  it('should sign the body with the protocols §8 vector (timestamp in seconds, as a string)', () => {
    const body = bodyOf(renderFeishuEscalation({ ...channel, secret: 'demo-secret' }, escalation(), 1700000000000, TZ).body);
    expect(body.timestamp).toBe('1700000000');
    expect(body.sign).toBe('mYHw2R2SOm8Rw/sne3lQdmz4sOfntKR+1P/8RKKTwmA=');
  });

  it('should sign at now, and leave timestamp and sign out without a secret', () => {
    const signed = bodyOf(renderFeishuEscalation(channel, escalation(), NOW, TZ).body);
    expect(signed.sign).toBe(feishuSign('demo-secret', Math.floor(NOW / 1000)));
    const { secret: _, ...open } = channel;
    const unsigned = bodyOf(renderFeishuEscalation(open, escalation(), NOW, TZ).body);
    expect('timestamp' in unsigned || 'sign' in unsigned).toBe(false);
  });

  it('should render an interactive card: coloured header, lark_md facts, quotes and URL buttons', () => {
    const request = renderFeishuEscalation(channel, escalation(), NOW, TZ);
    expect(request.url).toBe(channel.url);
    const body = bodyOf(request.body);
    expect(body.msg_type).toBe('interactive');
    expect(body.card.header).toEqual({ title: { tag: 'plain_text', content: '【紧急】买家要求退款并威胁投诉 12315' }, template: 'red' });
    expect(body.card.elements.every((e) => !e.text || e.text.tag === 'lark_md')).toBe(true);
    const md = markdownOf(body);
    for (const part of ['**级别**：紧急', '**平台**：抖店', '**买家**：买家 t***8', '11-23 14:05:30（还剩 80 秒）', '**买家** 14:03:40：再不处理我就打 12315']) expect(md).toContain(part);
    const action = body.card.elements.find((e) => e.tag === 'action');
    expect(action?.actions?.map((a) => [a.tag, a.text.content, a.type, a.url])).toEqual([
      ['button', '认领', 'primary', escalation().claimUrl],
      ['button', '查看', 'default', escalation().conversationUrl],
    ]);
  });

  it('should colour the header by severity', () => {
    const template = (severity: 'low' | 'medium' | 'high' | 'critical') => bodyOf(renderFeishuEscalation(channel, escalation({ severity }), NOW, TZ).body).card.header.template;
    expect([template('critical'), template('high'), template('medium'), template('low')]).toEqual(['red', 'orange', 'yellow', 'blue']);
  });

  it('should @ by <at id=userId></at> and name people it can only reach by mobile', () => {
    const md = markdownOf(bodyOf(renderFeishuEscalation(channel, escalation({ mention: ['店长', '值班', '店长'] }), NOW, TZ).body));
    expect(md.startsWith('<at id=ou_shopkeeper></at> @值班')).toBe(true);
    expect(md.match(/<at id=/g)).toHaveLength(1);
  });

  it('should stop buyer text from opening an <at> tag', () => {
    const md = markdownOf(bodyOf(renderFeishuEscalation(channel, escalation({ transcript: [{ from: 'buyer', text: '<at id=all></at> 都来看', at: NOW }] }), NOW, TZ).body));
    expect(md).not.toContain('<at id=all>');
    expect(md).toContain('＜at id=all＞＜/at＞ 都来看');
  });

  it('should trim a 10,000-character transcript so the body stays within 20 KB, keeping the newest', () => {
    const e = escalation({ transcript: longTranscript() });
    const request = renderFeishuEscalation(channel, e, NOW, TZ);
    expect(byteLength(request.body)).toBeLessThanOrEqual(FEISHU_BODY_MAX);
    const md = markdownOf(bodyOf(request.body));
    expect(md).toContain('第42条');
    expect(md).toContain('第49条');
    expect(md).not.toContain('第41条');
  });

  it('should drop the oldest quotes first when signals leave little room', () => {
    // ~17 KB of signals leave room for only a few of the eight 200-character quotes.
    const reasons = Array.from({ length: 19 }, (_, i) => ({ code: `c${i}`, detail: '原'.repeat(300) }));
    const request = renderFeishuEscalation(channel, escalation({ transcript: longTranscript(), reasons }), NOW, TZ);
    expect(byteLength(request.body)).toBeLessThanOrEqual(FEISHU_BODY_MAX);
    const md = markdownOf(bodyOf(request.body));
    expect(md).toContain('第49条');
    expect(md).not.toContain('第42条');
    expect(md).toContain('原'.repeat(300));
  });

  it('should cut huge signals to fit 20 KB and keep the buttons', () => {
    const e = escalation({ reasons: Array.from({ length: 200 }, (_, i) => ({ code: `c${i}`, detail: '原因'.repeat(40) })) });
    const request = renderFeishuEscalation(channel, e, NOW, TZ);
    expect(byteLength(request.body)).toBeLessThanOrEqual(FEISHU_BODY_MAX);
    expect(bodyOf(request.body).card.elements.some((el) => el.tag === 'action')).toBe(true);
  });

  it('should render an update compactly, titled 【更新】', () => {
    const body = bodyOf(renderFeishuEscalation(channel, escalation({ update: 1 }), NOW, TZ).body);
    expect(body.card.header.title.content).toBe('【更新】买家要求退款并威胁投诉 12315');
    const md = markdownOf(body);
    expect(md).toContain('**新信号**');
    expect(md).toContain('**会话**：抖店 · 小鹿旗舰店 · 买家 t***8');
    expect(md).not.toContain('最近消息');
  });
});

describe('renderFeishuDigest', () => {
  it('should list 25 escalations in one signed card within 20 KB', () => {
    const body = renderFeishuDigest(channel, manyEscalations(25), NOW, TZ).body;
    expect(byteLength(body)).toBeLessThanOrEqual(FEISHU_BODY_MAX);
    const parsed = bodyOf(body);
    expect(parsed.sign).toBe(feishuSign('demo-secret', Math.floor(NOW / 1000)));
    expect(parsed.card.header).toEqual({ title: { tag: 'plain_text', content: '【汇总】25 条升级待处理' }, template: 'red' });
    const lines = markdownOf(parsed).split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(25);
    expect(lines[0]).toContain('**[紧急]**');
    expect(lines[24]).toContain('**[低]**');
    expect(lines[0]).toContain('[认领](https://kefu.example.com/claim/esc_003');
  });

  it('should drop the least urgent lines when 300 do not fit, and count them', () => {
    const body = renderFeishuDigest(channel, manyEscalations(300), NOW, TZ).body;
    expect(byteLength(body)).toBeLessThanOrEqual(FEISHU_BODY_MAX);
    const md = markdownOf(bodyOf(body));
    const listed = md.split('\n').filter((l) => /^\d+\. /.test(l)).length;
    expect(listed).toBeGreaterThan(0);
    expect(md).toContain(`…另有 ${300 - listed} 条未列出`);
  });
});
