import { safeEqual, slackSignature } from '@kefu/wire';

/** Slack's replay window: requests more than five minutes old (or ahead) are refused (CONFIRMED: slackapi/python-slack-sdk@108955b6 `slack_sdk/signature/__init__.py`). */
export const SLACK_MAX_AGE_S = 300;

/** Whether an interactivity request really comes from Slack. */
export type SlackVerification =
  /** Signed by Slack with our signing secret, within the replay window. */
  | { kind: 'ok' }
  /** Anything else; `reason` is for our logs, never for the caller's response body. */
  | { kind: 'rejected'; reason: string };

/**
 * Checks `X-Slack-Signature` (`v0=` + hex HMAC-SHA256 of `v0:{ts}:{rawBody}`, compared in constant
 * time) and `X-Slack-Request-Timestamp` against `now` (epoch ms). Verify the raw body before parsing it.
 *
 * @example verifySlackRequest(env.SLACK_SIGNING_SECRET, c.req.header('x-slack-request-timestamp'), c.req.header('x-slack-signature'), await c.req.text(), Date.now())
 */
export function verifySlackRequest(signingSecret: string, timestamp: string | undefined, signature: string | undefined, rawBody: string, now: number): SlackVerification {
  // An empty key would let anyone compute a valid signature.
  if (signingSecret === '') return { kind: 'rejected', reason: 'no signing secret configured' };
  if (!timestamp) return { kind: 'rejected', reason: 'missing X-Slack-Request-Timestamp' };
  if (!signature) return { kind: 'rejected', reason: 'missing X-Slack-Signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { kind: 'rejected', reason: 'malformed X-Slack-Request-Timestamp' };
  const age = Math.abs(now / 1000 - Number(timestamp));
  if (age > SLACK_MAX_AGE_S) return { kind: 'rejected', reason: `stale request: ${Math.round(age)} s from now` };
  if (!safeEqual(signature, slackSignature(signingSecret, timestamp, rawBody))) return { kind: 'rejected', reason: 'bad signature' };
  return { kind: 'ok' };
}
