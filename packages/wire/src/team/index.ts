export { dingtalkSign } from './dingtalk.ts';
export { feishuSign } from './feishu.ts';
export { genericWebhookSignature } from './generic-webhook.ts';
export { slackSignature } from './slack.ts';
