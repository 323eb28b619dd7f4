import { genericWebhookSignature } from '@kefu/wire';
import type { ChannelConfig } from '../channels/index.ts';
import type { ChannelRequest, Escalation } from '../escalation/index.ts';

/**
 * Our own signed JSON webhook, for teams that route escalations themselves. Headers:
 * `x-kefu-timestamp` (unix seconds) and, when the channel has a secret,
 * `x-kefu-signature: sha256=<hex HMAC-SHA256(secret, "${timestamp}.${body}")>` (see
 * `genericWebhookSignature` in @kefu/wire). Receivers should reject old timestamps to stop replays.
 */
function post(channel: ChannelConfig, payload: unknown, now: number): ChannelRequest {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(now / 1000));
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-kefu-timestamp': timestamp };
  if (channel.secret) headers['x-kefu-signature'] = genericWebhookSignature(channel.secret, timestamp, body);
  return { url: channel.url, method: 'POST', headers, body };
}

/** `{type: 'kefu.escalation', escalation}`: the whole escalation, unrendered; `update` tells a first notice from an update. */
export function renderWebhookEscalation(channel: ChannelConfig, e: Escalation, now: number): ChannelRequest {
  return post(channel, { type: 'kefu.escalation', escalation: e }, now);
}

/** `{type: 'kefu.digest', escalations}`. */
export function renderWebhookDigest(channel: ChannelConfig, items: Escalation[], now: number): ChannelRequest {
  return post(channel, { type: 'kefu.digest', escalations: items }, now);
}
