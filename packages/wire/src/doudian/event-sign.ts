import { hmacHex, md5Hex } from '../digest/index.ts';

/** How a 抖店 push is signed, from its `sign-method` header (absent means `md5`). */
export type DoudianEventSignMethod = 'md5' | 'hmac-sha256';

/**
 * Expected `event-sign` header of a 抖店 (doudian) message push (消息推送), protocols §1.1:
 * lowercase hex of `MD5(app_key + rawBody + app_secret)`, CONFIRMED by three SDKs.
 *
 * `'hmac-sha256'` is HMAC-SHA256 keyed by the secret over the same string: UNCONFIRMED, no SDK or
 * doc shows it. Sign the raw body exactly as received; never a re-serialised copy.
 */
export function doudianEventSign(
  appKey: string,
  rawBody: string,
  appSecret: string,
  method: DoudianEventSignMethod = 'md5',
): string {
  const base = appKey + rawBody + appSecret;
  return method === 'hmac-sha256' ? hmacHex('sha256', appSecret, base) : md5Hex(base);
}
