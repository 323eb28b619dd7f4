import type { ChannelOutcome } from '../delivery/outcome.ts';
import { byStatus } from '../delivery/outcome.ts';

/**
 * An incoming webhook answers 200 `ok` (UNCONFIRMED text; protocols §6.4) and reports errors by
 * HTTP status with a short code in the body: 400 invalid_payload, 403 invalid_token /
 * action_prohibited, 404 no_service / channel_not_found, 410 channel_is_archived (PARTIAL: the
 * "Handling errors" section of api.slack.com/messaging/webhooks as quoted in
 * github.com/gueils/whales/issues/38 and zulip/zulip#14251). 429 means the ~1/s limit
 * (CONFIRMED: api.slack.com/docs/rate-limits); its Retry-After header is read by `deliver`.
 */
export function classifySlack(status: number, body: string): ChannelOutcome {
  return byStatus(status, body, false);
}
