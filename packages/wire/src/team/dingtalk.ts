import { hmacBase64 } from '../digest/index.ts';

/**
 * `sign` for a DingTalk custom robot (钉钉自定义机器人) webhook, protocols §6.1 (CONFIRMED):
 * base64 HMAC-SHA256 keyed by the secret over `${timestampMs}\n${secret}`.
 *
 * Returned NOT URL-encoded; pass it through `URLSearchParams` (or `encodeURIComponent`) when
 * building the query, so it is encoded exactly once. The timestamp is in milliseconds.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  if (!Number.isSafeInteger(timestampMs)) throw new RangeError(`timestampMs must be an integer, got ${timestampMs}`);
  return hmacBase64('sha256', secret, `${timestampMs}\n${secret}`);
}
