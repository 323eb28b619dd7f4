// The Taobao/Tmall worker: order events from TMC (pulled every minute), buyer chat through a chat
// bridge, replies through the bridge. See README.md for what is official protocol and what is not.
import { ChannelOutboxObject, ConversationObject, defineWorker, type PlatformAdapter } from '@kefu/runtime';
import { chatBridgeRoute, sendReply } from './bridge.ts';
import { pullTmc } from './tmc/index.ts';

/** Escalations per team channel: rate limits, digests, retries. */
export class ChannelOutbox extends ChannelOutboxObject {}

export class Conversation extends ConversationObject {}

const adapter: PlatformAdapter<Env> = {
  platform: 'taobao',
  inbound: [chatBridgeRoute],
  send: sendReply,
};

export default defineWorker(adapter, {
  async scheduled(_controller, env) {
    const summary = await pullTmc(env);
    console.log(`taobao tmc: ${JSON.stringify(summary)}`);
  },
});
