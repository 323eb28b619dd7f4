import { hmacHex } from '../digest/index.ts';

/**
 * Signature header value for our own generic JSON webhook (no platform defines it; this is our
 * documented scheme): `sha256=` + lowercase hex HMAC-SHA256 keyed by the shared secret over
 * `${timestamp}.${rawBody}`. Binding the timestamp lets the receiver reject replays by age.
 *
 * @example genericWebhookSignature(secret, '1700000000', '{"kind":"escalate"}') // 'sha256=…'
 */
export function genericWebhookSignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${hmacHex('sha256', secret, `${timestamp}.${rawBody}`)}`;
}
