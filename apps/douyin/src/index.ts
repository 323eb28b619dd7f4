// The douyin worker (see README.md): routes /webhooks/doudian, /webhooks/douyin-im, /bridge/messages.
import { ChannelOutboxObject, ConversationObject, defineWorker } from '@kefu/runtime';
import { douyinAdapter } from './adapter.ts';
import type { DouyinEnv } from './env.ts';

/** Escalations per team channel: rate limits, digests, retries. */
export class ChannelOutbox extends ChannelOutboxObject {}

/** One conversation per (douyin, shop/account, buyer or order). No send budget is documented for 抖音 私信. */
export class Conversation extends ConversationObject {}

export default defineWorker<DouyinEnv>(douyinAdapter);
