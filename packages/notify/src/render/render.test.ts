import { describe, expect, it } from 'vitest';
import { CHANNEL_TYPES } from '../channels/index.ts';
import { byteLength } from '../text/index.ts';
import { CHANNELS, escalation, longTranscript, manyEscalations, NOW, TZ } from '../test-support/fixtures.ts';
import { renderDigest, renderEscalation } from './render.ts';

/** The text a platform limits, and the limit, measured as the platform does. */
function limited(type: (typeof CHANNEL_TYPES)[number], body: string): { size: number; max: number } | undefined {
  const json = JSON.parse(body) as Record<string, { text?: string; content?: string } | string | undefined>;
  switch (type) {
    case 'dingtalk': {
      const part = (json.markdown ?? json.actionCard) as { text: string };
      return { size: part.text.length, max: 5000 };
    }
    case 'feishu':
      return { size: byteLength(body), max: 20_000 };
    case 'wecom':
      return json.msgtype === 'markdown' ? { size: byteLength((json.markdown as { content: string }).content), max: 4096 } : { size: byteLength((json.text as { content: string }).content), max: 2048 };
    case 'slack':
      return { size: Math.max(...(JSON.parse(body) as { blocks: { text?: { text: string } }[] }).blocks.map((b) => b.text?.text.length ?? 0)), max: 3000 };
    case 'webhook':
      return undefined;
  }
}

describe.each(CHANNEL_TYPES)('%s', (type) => {
  const channel = CHANNELS[type];

  it('should render a POST with a JSON body to the channel', () => {
    const request = renderEscalation(channel, escalation(), NOW, TZ);
    expect(request.method).toBe('POST');
    expect(request.url.startsWith(channel.url)).toBe(true);
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(() => JSON.parse(request.body) as unknown).not.toThrow();
  });

  it('should keep a 10,000-character transcript within the platform limit, with and without mentions', () => {
    for (const mention of [[], ['店长'], ['值班']]) {
      const request = renderEscalation(channel, escalation({ transcript: longTranscript(), mention }), NOW, TZ);
      const limit = limited(type, request.body);
      if (limit) expect(limit.size).toBeLessThanOrEqual(limit.max);
      expect(request.body).toContain('第49条');
    }
  });

  it('should put 25 escalations in one message within the platform limit', () => {
    const request = renderDigest(channel, manyEscalations(25), NOW, TZ);
    const limit = limited(type, request.body);
    if (limit) expect(limit.size).toBeLessThanOrEqual(limit.max);
    expect(request.body).toContain(type === 'webhook' ? '"type":"kefu.digest"' : '【汇总】25 条升级待处理');
    expect(request.body).toContain('esc_003');
  });

  it('should render an update differently from the first notice', () => {
    const first = renderEscalation(channel, escalation(), NOW, TZ).body;
    const update = renderEscalation(channel, escalation({ update: 1 }), NOW, TZ).body;
    expect(update).not.toBe(first);
    if (type !== 'webhook') expect(update).toContain('【更新】');
  });

  it('should be deterministic for the same input and instant', () => {
    expect(renderEscalation(channel, escalation(), NOW, TZ)).toEqual(renderEscalation(channel, escalation(), NOW, TZ));
  });
});

describe('renderEscalation', () => {
  it('should throw on an unknown time zone', () => {
    expect(() => renderEscalation(CHANNELS.slack, escalation(), NOW, 'Nowhere/Else')).toThrow(RangeError);
  });
});
