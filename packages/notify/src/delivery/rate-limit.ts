import type { ChannelType } from '../channels/index.ts';

/**
 * How fast one channel may be sent to: the limits the platforms state (per robot/hook), for the
 * caller's throttle. DingTalk 20/min (CONFIRMED: DingtalkChatbot `chatbot.py` "每个机器人每分钟最多发送20条");
 * WeCom 20/min (CONFIRMED: developer.work.weixin.qq.com/document/path/91770 via protocols §6.3);
 * Feishu 100/min and 5/s (CONFIRMED: Feishu custom-bot guide); Slack about 1/s (CONFIRMED:
 * api.slack.com/docs/rate-limits "Posting messages 1 per second"). `webhook` is ours: 60/min is a
 * courtesy to the receiver, not a platform rule.
 */
const LIMITS: Record<ChannelType, { perMinute: number; perSecond?: number }> = {
  dingtalk: { perMinute: 20 },
  wecom: { perMinute: 20 },
  feishu: { perMinute: 100, perSecond: 5 },
  slack: { perMinute: 60, perSecond: 1 },
  webhook: { perMinute: 60 },
};

export function rateLimit(type: ChannelType): { perMinute: number; perSecond?: number } {
  return { ...LIMITS[type] };
}
