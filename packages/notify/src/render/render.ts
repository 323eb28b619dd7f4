import type { ChannelConfig } from '../channels/index.ts';
import { renderDingtalkDigest, renderDingtalkEscalation } from '../dingtalk/index.ts';
import type { ChannelRequest, Escalation } from '../escalation/index.ts';
import { renderFeishuDigest, renderFeishuEscalation } from '../feishu/index.ts';
import { renderSlackDigest, renderSlackEscalation } from '../slack/index.ts';
import { renderWebhookDigest, renderWebhookEscalation } from '../webhook/index.ts';
import { renderWecomDigest, renderWecomEscalation } from '../wecom/index.ts';

/**
 * The request that tells `channel` about one escalation: a full card on the first notice
 * (`update === 0`), a compact 【更新】 message on later ones. Pure: `now` signs it and words the
 * deadline ("还剩 80 秒"); `timeZone` (IANA, e.g. `Asia/Shanghai`) formats clock times and throws
 * RangeError when unknown.
 *
 * @example const request = renderEscalation(channels.team, escalation, Date.now(), 'Asia/Shanghai');
 */
export function renderEscalation(channel: ChannelConfig, e: Escalation, now: number, timeZone: string): ChannelRequest {
  switch (channel.type) {
    case 'dingtalk':
      return renderDingtalkEscalation(channel, e, now, timeZone);
    case 'feishu':
      return renderFeishuEscalation(channel, e, now, timeZone);
    case 'wecom':
      return renderWecomEscalation(channel, e, now, timeZone);
    case 'slack':
      return renderSlackEscalation(channel, e, now, timeZone);
    case 'webhook':
      return renderWebhookEscalation(channel, e, now);
  }
}

/**
 * Several escalations in ONE message, for when the channel is throttled: one line each (severity,
 * platform/shop/buyer, first signal, deadline) with its claim link, most urgent first; lines that
 * do not fit the platform's limit are counted ("另有 N 条未列出"), never cut mid-line.
 */
export function renderDigest(channel: ChannelConfig, items: Escalation[], now: number, timeZone: string): ChannelRequest {
  switch (channel.type) {
    case 'dingtalk':
      return renderDingtalkDigest(channel, items, now, timeZone);
    case 'feishu':
      return renderFeishuDigest(channel, items, now, timeZone);
    case 'wecom':
      return renderWecomDigest(channel, items, now, timeZone);
    case 'slack':
      return renderSlackDigest(channel, items, now, timeZone);
    case 'webhook':
      return renderWebhookDigest(channel, items, now);
  }
}
