import { hmacHex } from '../digest/index.ts';

/**
 * Expected `X-Slack-Signature` of a Slack request, protocols §6.4 (CONFIRMED):
 * `v0=` + lowercase hex HMAC-SHA256 keyed by the signing secret over `v0:${timestamp}:${rawBody}`.
 * The timestamp is the `X-Slack-Request-Timestamp` header as received; the caller checks its age.
 */
export function slackSignature(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${hmacHex('sha256', signingSecret, `v0:${timestamp}:${rawBody}`)}`;
}
