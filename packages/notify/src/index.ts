export { CHANNEL_TYPES, channelConfig, channelsConfig, parseChannels, type ChannelConfig, type ChannelType } from './channels/index.ts';
export { signClaim, verifyClaim, type ClaimVerification } from './claim/index.ts';
export { classifyResponse, deliver, DELIVERY_TIMEOUT_MS, rateLimit, type ChannelOutcome } from './delivery/index.ts';
export { SEVERITIES, type ChannelRequest, type Escalation, type Severity } from './escalation/index.ts';
export { renderDigest, renderEscalation } from './render/index.ts';
export { CLAIM_ACTION_ID, parseSlackAction, SLACK_MAX_AGE_S, verifySlackRequest, type SlackAction, type SlackVerification } from './slack/index.ts';
