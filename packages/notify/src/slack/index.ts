export { classifySlack } from './classify-slack.ts';
export { parseSlackAction, type SlackAction } from './parse-slack-action.ts';
export { CLAIM_ACTION_ID, renderSlackDigest, renderSlackEscalation, SLACK_LIMITS } from './render-slack.ts';
export { SLACK_MAX_AGE_S, verifySlackRequest, type SlackVerification } from './verify-slack-request.ts';
