import { dingtalkRobotUrl } from './stand-ins/dingtalk.ts';
import { feishuHookUrl } from './stand-ins/feishu.ts';
import { slackWebhookUrl } from './stand-ins/slack.ts';
import { wecomBotUrl } from './stand-ins/wecom-bot.ts';

/** The team channel types the sandbox plays. */
export const LOCAL_CHANNEL_TYPES = ['webhook', 'dingtalk', 'feishu', 'wecom', 'slack'] as const;
export type LocalChannelType = (typeof LOCAL_CHANNEL_TYPES)[number];

/**
 * A TEAM_CHANNELS value pointing at the sandbox: one channel of each type (`team` is the generic
 * webhook at `/hooks/test-team`, `ding`, `feishu`, `wecombot`, `slack`), with the stand-ins' made-up
 * secrets. `teamType` picks which stand-in plays the channel named `team` (the default route).
 */
export function localTeamChannels(sandboxUrl: string, credentials: Record<string, string>, teamType: LocalChannelType = 'webhook') {
  const people = { supervisor: { mobile: '13800000000', userId: 'supervisor' } };
  const channels = {
    webhook: { type: 'webhook', url: `${sandboxUrl}/hooks/test-team`, secret: 'local-team-secret' },
    dingtalk: { type: 'dingtalk', url: dingtalkRobotUrl(sandboxUrl), secret: credentials.DINGTALK_TEST_SECRET, people },
    feishu: { type: 'feishu', url: feishuHookUrl(sandboxUrl), secret: credentials.FEISHU_TEST_SECRET, people },
    wecom: { type: 'wecom', url: wecomBotUrl(sandboxUrl), people },
    slack: { type: 'slack', url: slackWebhookUrl(sandboxUrl), people },
  } as const;
  return { team: channels[teamType], ding: channels.dingtalk, feishu: channels.feishu, wecombot: channels.wecom, slack: channels.slack };
}
