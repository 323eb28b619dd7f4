import type { ConversationObject } from './conversation/conversation.ts';
import type { OutboundJob } from './outbound/job.ts';

/**
 * The bindings every platform app declares (see any apps/<platform>/wrangler.jsonc). An app's
 * generated `Env` satisfies this structurally.
 */
export type RuntimeEnv = {
  /** Conversation Durable Objects, one per (platform, shop, buyer). */
  CONVERSATION: DurableObjectNamespace<ConversationObject>;
  /** Rules documents: see rules/README.md for the key scheme. */
  RULES: KVNamespace;
  /** Outbound sends, notifications and log writes. Its dead-letter queue is `OUTBOX_DLQ`'s queue. */
  OUTBOX: Queue<OutboundJob>;
  /** Conversation log, action log, deliveries and dead letters (migrations/). */
  DB: D1Database;
  /** The shop's team channel: a generic signed JSON webhook (issue 4 adds DingTalk, Feishu…). */
  TEAM_WEBHOOK_URL?: string;
  /** Secret for `X-Kefu-Signature` on team webhooks (a wrangler secret). */
  TEAM_WEBHOOK_SECRET?: string;
  /** Enables `GET /__kefu/conversation` for this bearer token (local stack, console). A wrangler secret. */
  INSPECT_TOKEN?: string;
  /** First retry delay in seconds; doubles per attempt (default 5; tests use 0). */
  RETRY_BASE_SECONDS?: string;
};
