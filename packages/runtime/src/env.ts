import type { ConversationObject } from './conversation/conversation.ts';
import type { ChannelOutboxObject } from './notify/channel-outbox.ts';
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
  /** One outbox per team channel: rate limits, digests, retries (notify/channel-outbox.ts). */
  CHANNEL_OUTBOX: DurableObjectNamespace<ChannelOutboxObject>;
  /** Team channels, a wrangler secret: JSON `{ "<name>": { type, url, secret?, people? } }` (see @kefu/notify). */
  TEAM_CHANNELS?: string;
  /** Without TEAM_CHANNELS: one generic signed JSON webhook, the channel `team`. */
  TEAM_WEBHOOK_URL?: string;
  /** Secret for `X-Kefu-Signature` on team webhooks (a wrangler secret). */
  TEAM_WEBHOOK_SECRET?: string;
  /** Enables the `/__kefu/*` inspection and rules admin routes for this bearer token (local stack, console, `cs rules`). A wrangler secret. */
  INSPECT_TOKEN?: string;
  /** This worker's public base URL, for claim links (`<PUBLIC_URL>/claim?…`). */
  PUBLIC_URL?: string;
  /** Secret that signs claim links (HMAC, with expiry). */
  CLAIM_SECRET?: string;
  /** Slack app signing secret: verifies the claim button's interaction requests (v0, 5-minute window). */
  SLACK_SIGNING_SECRET?: string;
  /** The console's base URL, for "view conversation" links. */
  CONSOLE_URL?: string;
  /** First retry delay in seconds; doubles per attempt (default 5; tests use 0). */
  RETRY_BASE_SECONDS?: string;
};
