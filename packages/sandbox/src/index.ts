export { startSandbox, type Sandbox, type SandboxOptions } from './server/sandbox.ts';
export type { Faults, Recorded, Reply, Route, SandboxRequest, SandboxState, SocketRoute, StandIn } from './server/types.ts';
export { standIns } from './stand-ins/index.ts';
export { bridgeSendUrl } from './stand-ins/bridge.ts';
export { dingtalkRobotUrl } from './stand-ins/dingtalk.ts';
export { feishuHookUrl } from './stand-ins/feishu.ts';
export { slackWebhookUrl } from './stand-ins/slack.ts';
export { wecomBotUrl } from './stand-ins/wecom-bot.ts';
export { LOCAL_CHANNEL_TYPES, localTeamChannels, type LocalChannelType } from './team-channels.ts';
