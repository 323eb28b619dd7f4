import { ChannelOutboxObject, ConversationObject, defineWorker, type PlatformAdapter } from '@kefu/runtime';
import { chatBridgeRoute, chatBridgeSend } from './chat-bridge.ts';
import { messageSocketStub } from './message-socket/index.ts';

export { PddMessageSocket } from './message-socket/index.ts';

/** Escalations per team channel: rate limits, digests, retries. */
export class ChannelOutbox extends ChannelOutboxObject {}

/** One conversation per (pinduoduo, mall, buyer). */
export class Conversation extends ConversationObject {}

/**
 * 拼多多: buyer chat through the chat bridge (no public merchant chat API); order and after-sale
 * events through the message-service WebSocket held by `PddMessageSocket`, not an HTTP route.
 */
const adapter: PlatformAdapter<Env> = {
  platform: 'pinduoduo',
  inbound: [chatBridgeRoute],
  send: chatBridgeSend,
};

export default defineWorker(adapter, {
  // Every minute: (re)connect the message socket if it is down; its own alarms heartbeat it.
  async scheduled(_controller, env) {
    const status = await messageSocketStub(env).ensureConnected();
    if (!status.connected) console.warn(`pinduoduo message socket not connected: ${status.lastError?.reason ?? 'unknown'}`);
  },
});
