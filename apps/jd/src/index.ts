// The JD (京东) worker: 咚咚 buyer chat arrives through the shop's chat bridge (no real-time 咚咚
// API is open to ordinary apps that we found: README.md), replies leave the same way. JD's clock,
// first reply within 30 s, is in the rules (rules/sla.json), not here.
import { ChannelOutboxObject, ConversationObject, defineWorker, type PlatformAdapter } from '@kefu/runtime';
import { jdBridgeRoute, jdBridgeSend } from './bridge.ts';

const adapter: PlatformAdapter<Env> = {
  platform: 'jd',
  inbound: [jdBridgeRoute],
  send: jdBridgeSend,
};

/** Escalations per team channel: rate limits, digests, retries. */
export class ChannelOutbox extends ChannelOutboxObject {}

/** One per (jd, shop, buyer). JD publishes no bot-message quota we could cite, so no send budget. */
export class Conversation extends ConversationObject {}

export default defineWorker(adapter);
