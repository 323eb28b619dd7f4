import { ChannelOutboxObject, ConversationObject, defineWorker, type PlatformAdapter, type SendBudget } from '@kefu/runtime';
import { wecomCallback } from './callback-route.ts';
import type { WecomEnv } from './env.ts';
import { sendReply } from './send.ts';

export { KfCursor } from './kf-cursor.ts';

/**
 * 微信客服 lets a business send 5 messages within 48 h of the customer's last message (CONFIRMED,
 * `work/kf/sendmsg.go`); the bot never spends the last one, so a person can always still answer.
 */
// A welcome goes through send_msg_on_event with its one-time code, outside send_msg's 5-per-48-h budget.
const sendBudget: SendBudget = { max: 5, windowMs: 48 * 3_600_000, keepForHuman: 1, exempt: { script: 'greeting', channelKey: 'welcome_code' } };

const wecom: PlatformAdapter<WecomEnv> = { platform: 'wecom', inbound: [wecomCallback], sendBudget, send: sendReply };

/** Escalations per team channel: rate limits, digests, retries. */
export class ChannelOutbox extends ChannelOutboxObject {}

/** The conversation Durable Object, under WeCom's send budget. */
export class Conversation extends ConversationObject {
  protected override readonly sendBudget = sendBudget;
}

export default defineWorker(wecom);
