import { describe, expect, it } from 'vitest';
import { CHANNELS, escalation, longTranscript, manyEscalations, NOW, TZ } from '../test-support/fixtures.ts';
import { renderSlackDigest, renderSlackEscalation, SLACK_LIMITS } from './render-slack.ts';

const channel = CHANNELS.slack;
type Text = { type: string; text: string };
type Button = { type: string; action_id: string; text: Text; value?: string; url?: string; style?: string };
type Block = { type: string; text?: Text; fields?: Text[]; elements?: (Text | Button)[]; accessory?: Button };
type Body = { text: string; blocks: Block[] };
const bodyOf = (body: string) => JSON.parse(body) as Body;

/** Every Block Kit limit we rely on, checked on a whole message. */
function expectWithinSlackLimits(body: Body): void {
  expect(body.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  expect(body.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallback);
  for (const block of body.blocks) {
    if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
    if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.field);
    expect((block.fields ?? []).length).toBeLessThanOrEqual(SLACK_LIMITS.fields);
  }
}

describe('renderSlackEscalation', () => {
  it('should post Block Kit to the incoming webhook: header, fields, signals, quotes, context, 认领 + 查看', () => {
    const request = renderSlackEscalation(channel, escalation(), NOW, TZ);
    expect(request.url).toBe(channel.url);
    const body = bodyOf(request.body);
    expect(body.text).toBe('【紧急】买家要求退款并威胁投诉 12315');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'context', 'actions']);
    expect(body.blocks[0]?.text).toMatchObject({ type: 'plain_text', text: '【紧急】买家要求退款并威胁投诉 12315' });
    expect(body.blocks[1]?.fields?.map((f) => f.text)).toEqual(['*级别*\n紧急', '*平台*\n抖店', '*店铺*\n小鹿旗舰店', '*买家*\n买家 t***8', '*回复时限*\n11-23 14:05:30（还剩 80 秒）']);
    expect(body.blocks[3]?.text?.text).toContain('>买家 14:03:40：再不处理我就打 12315');
    expect(body.blocks[5]?.elements).toEqual([
      { type: 'button', action_id: 'claim', text: { type: 'plain_text', text: '认领' }, value: 'esc_01HZX3', style: 'primary' },
      { type: 'button', action_id: 'view', text: { type: 'plain_text', text: '查看' }, url: escalation().conversationUrl },
    ]);
  });

  it('should leave out the 查看 button without a conversation URL', () => {
    const body = bodyOf(renderSlackEscalation(channel, escalation({ conversationUrl: undefined }), NOW, TZ).body);
    expect(body.blocks.at(-1)?.elements).toHaveLength(1);
  });

  it('should @ by <@U…> in a section and in the notification text', () => {
    const body = bodyOf(renderSlackEscalation(channel, escalation({ mention: ['店长', '值班'] }), NOW, TZ).body);
    expect(body.blocks[1]?.text?.text).toBe('提醒 <@U024BE7LH> @值班');
    expect(body.text).toContain('<@U024BE7LH>');
  });

  it('should escape & < > so buyer text cannot ping the channel or forge links', () => {
    const e = escalation({ title: 'A&B <!channel>', transcript: [{ from: 'buyer', text: '<!here> <https://evil.example|点我>', at: NOW }] });
    const body = bodyOf(renderSlackEscalation(channel, e, NOW, TZ).body);
    expect(body.text).toBe('【紧急】A&amp;B &lt;!channel&gt;');
    const raw = JSON.stringify(body.blocks.filter((b) => b.type !== 'header'));
    expect(raw).not.toContain('<!');
    expect(raw).toContain('&lt;!here&gt; &lt;https://evil.example|点我&gt;');
  });

  it('should keep a 10,000-character transcript within every Block Kit limit', () => {
    const body = bodyOf(renderSlackEscalation(channel, escalation({ transcript: longTranscript(), title: '长'.repeat(400), reasons: Array.from({ length: 40 }, (_, i) => ({ code: `c${i}`, detail: '原因'.repeat(60) })) }), NOW, TZ).body);
    expectWithinSlackLimits(body);
    expect(JSON.stringify(body)).toContain('第49条');
  });

  it('should render an update compactly with the claim button kept', () => {
    const body = bodyOf(renderSlackEscalation(channel, escalation({ update: 1 }), NOW, TZ).body);
    expect(body.blocks[0]?.text?.text).toBe('【更新】买家要求退款并威胁投诉 12315');
    expect(JSON.stringify(body)).not.toContain('最近消息');
    expect(body.blocks.at(-1)?.elements?.[0]).toMatchObject({ action_id: 'claim', value: 'esc_01HZX3' });
  });
});

describe('renderSlackDigest', () => {
  it('should give each of 25 escalations a section with its own 认领 button', () => {
    const body = bodyOf(renderSlackDigest(channel, manyEscalations(25), NOW, TZ).body);
    expectWithinSlackLimits(body);
    expect(body.blocks[0]?.text?.text).toBe('【汇总】25 条升级待处理');
    const items = body.blocks.filter((b) => b.accessory);
    expect(items).toHaveLength(25);
    expect(items[0]?.text?.text).toMatch(/^\*\[紧急\]\* 抖店\/小鹿旗舰店\/买家 b\*\*\*3 · 提到 12315 投诉 · 时限 11-23 14:08:10（还剩 4 分钟） <https:\/\/kefu\.example\.com\/c\/esc_003\|查看>$/);
    expect(items[0]?.accessory).toMatchObject({ action_id: 'claim', value: 'esc_003', style: 'primary' });
  });

  it('should stay within 50 blocks for 120 escalations and count the rest', () => {
    const body = bodyOf(renderSlackDigest(channel, manyEscalations(120).map((e) => ({ ...e, mention: ['店长'] })), NOW, TZ).body);
    expect(body.blocks).toHaveLength(50);
    const shown = body.blocks.filter((b) => b.accessory).length;
    expect(body.blocks.at(-1)?.elements?.[0]?.text).toBe(`…另有 ${120 - shown} 条未列出`);
  });
});
