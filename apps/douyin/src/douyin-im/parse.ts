import type { InboundEvent } from '@kefu/core';
import type { Envelope, Inbound, WebhookRequest } from '@kefu/runtime';
import type { z } from 'zod';
import { parseJson } from '../json/index.ts';
import { challengeContent, imContent, webhookBody, type ImContent, type WebhookBody } from './schema.ts';

/** The ack: the platform reads the HTTP status only (no ack body is documented). */
export const DOUYIN_IM_ACK = { json: {} } as const;

/** Longest buyer text handed to the core; longer ones are cut, not refused (a 4xx would be re-pushed). */
const MAX_TEXT = 4000;

/** Media a person has to look at: the core sees a placeholder, abstains and hands off. */
const MEDIA_PLACEHOLDER: Record<string, string> = { image: '[图片]', user_local_image: '[图片]', video: '[视频]', user_local_video: '[视频]' };

type Parsed = { kind: 'ok'; value: Inbound } | { kind: 'malformed'; reason: string };

/**
 * A verified 抖音开放平台 webhook to events. `im_receive_msg` (the account received a private
 * message) → buyer_message; `im_send_msg` sent by a person in the 抖音 app → agent_message (our own
 * API sends carry `source` = our client_key and are skipped); `im_enter_direct_msg` → session_enter;
 * `verify_webhook` → the challenge echoed. Any other event is acked and ignored.
 */
export function parseDouyinWebhook(request: WebhookRequest, clientKey: string, now: number): Inbound {
  const json = parseJson(request.body);
  if (json.kind === 'invalid') return { kind: 'malformed', reason: `body is not JSON: ${json.reason}` };
  const body = webhookBody.safeParse(json.value);
  if (!body.success) return { kind: 'malformed', reason: `not a 抖音开放平台 webhook: ${describe(body.error)}` };
  const parsed = parseEvent(body.data, request.headers.get('msg-id'), clientKey, now);
  return parsed.kind === 'ok' ? parsed.value : parsed;
}

function parseEvent(body: WebhookBody, msgIdHeader: string | null, clientKey: string, now: number): Parsed {
  const content = contentOf(body.content);
  if (body.event === 'verify_webhook') {
    const challenge = challengeContent.safeParse(content);
    if (!challenge.success) return { kind: 'malformed', reason: 'verify_webhook without content.challenge' };
    return { kind: 'ok', value: { kind: 'handshake', ack: { json: { challenge: challenge.data.challenge } } } };
  }
  if (body.event !== 'im_receive_msg' && body.event !== 'im_send_msg' && body.event !== 'im_enter_direct_msg') {
    console.log(`douyin-im: acked without action, event ${body.event}`);
    return events([]);
  }
  const im = imContent.safeParse(content);
  if (!im.success) return { kind: 'malformed', reason: `${body.event} content: ${describe(im.error)}` };
  if (!body.from_user_id || !body.to_user_id) return { kind: 'malformed', reason: `${body.event} needs from_user_id and to_user_id` };
  const messageId = im.data.server_message_id ?? msgIdHeader?.trim();
  if (!messageId) return { kind: 'malformed', reason: 'no content.server_message_id and no Msg-Id header' };
  const at = im.data.create_time ? (im.data.create_time < 1e12 ? im.data.create_time * 1000 : im.data.create_time) : now;
  const id = `douyin-im:${messageId}`;

  if (body.event === 'im_send_msg') {
    // Sent by the account: ours (via the API) or a person typing in the 抖音 app.
    if (im.data.source && im.data.source === clientKey) return events([]);
    const text = textOf(im.data) ?? `[${im.data.message_type ?? 'message'}]`;
    return events([{ event: { kind: 'agent_message', id, platform: 'douyin', shopId: body.from_user_id, buyerId: body.to_user_id, at, text } }]);
  }
  const base = { id, platform: 'douyin' as const, shopId: body.to_user_id, buyerId: body.from_user_id, at };
  const channel = replyChannel(body.to_user_id, im.data, body.event === 'im_enter_direct_msg' ? 'enter' : 'reply');
  if (body.event === 'im_enter_direct_msg') return events([{ event: { ...base, kind: 'session_enter' }, channel }]);
  const text = textOf(im.data) ?? MEDIA_PLACEHOLDER[im.data.message_type ?? ''];
  if (!text) {
    console.log(`douyin-im: acked without action, message_type ${im.data.message_type ?? '(none)'}`);
    return events([]);
  }
  const event: InboundEvent = { ...base, kind: 'buyer_message', text };
  return events([{ event, channel }]);
}

/** What the send API needs to answer in this conversation (see send.ts). */
function replyChannel(accountOpenId: string, im: ImContent, scene: 'reply' | 'enter'): Record<string, string> {
  return {
    via: 'douyin_im',
    open_id: accountOpenId,
    conversation_id: im.conversation_short_id,
    ...(im.server_message_id ? { msg_id: im.server_message_id } : {}),
    scene,
  };
}

function textOf(im: ImContent): string | undefined {
  const text = im.message_type === undefined || im.message_type === 'text' ? im.text?.trim() : undefined;
  return text ? text.slice(0, MAX_TEXT) : undefined;
}

function contentOf(content: WebhookBody['content']): unknown {
  if (typeof content !== 'string') return content;
  const json = parseJson(content);
  return json.kind === 'ok' ? json.value : undefined;
}

function events(envelopes: Envelope[]): Parsed {
  return { kind: 'ok', value: { kind: 'events', envelopes, ack: DOUYIN_IM_ACK } };
}

function describe(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
