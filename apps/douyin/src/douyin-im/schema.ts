import { z } from 'zod';

/**
 * The 抖音开放平台 webhook envelope (developer.open-douyin.com …/dop/develop/webhooks/summarize;
 * fudiwei DouyinOpenEvent.cs): `{event, client_key, from_user_id, to_user_id, content, log_id}`.
 * `content` is a JSON text for most events and an object for `verify_webhook` and the IM pages'
 * examples, so both are accepted.
 */
export const webhookBody = z.object({
  event: z.string().min(1).max(64),
  client_key: z.string().max(128).optional(),
  from_user_id: z.string().max(256).optional(),
  to_user_id: z.string().max(256).optional(),
  content: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  log_id: z.string().optional(),
});
export type WebhookBody = z.infer<typeof webhookBody>;

/** `verify_webhook` content: the number to echo. */
export const challengeContent = z.object({ challenge: z.union([z.number(), z.string().min(1).max(64)]) });

/**
 * Private-message content (im_receive_msg / im_send_msg / im_enter_direct_msg): fudiwei
 * `Events/IM/IMReceiveMessageEvent.cs`, developer.open-douyin.com …/private-message/private-msg-webhook.
 * `conversation_short_id` and `server_message_id` are what the send API needs to reply.
 * Nicknames and avatars (`user_infos`) are dropped here.
 */
export const imContent = z.object({
  conversation_short_id: z.string().min(1).max(512),
  server_message_id: z.string().min(1).max(512).optional(),
  message_type: z.string().max(64).optional(),
  text: z.string().optional(),
  /** Set to our client_key when the message was sent through the API (our own reply). */
  source: z.string().optional(),
  /** 13-digit epoch ms. */
  create_time: z.number().int().positive().optional().catch(undefined),
});
export type ImContent = z.infer<typeof imContent>;
