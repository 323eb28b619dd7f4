import { hmacBase64 } from '../digest/index.ts';

/**
 * `sign` for a Feishu/Lark custom bot (飞书自定义机器人) webhook body, protocols §6.2 (CONFIRMED):
 * base64 HMAC-SHA256 keyed by `${timestampS}\n${secret}` over an EMPTY message; key and message
 * are the reverse of DingTalk's. The timestamp is in seconds.
 */
export function feishuSign(secret: string, timestampS: number): string {
  if (!Number.isSafeInteger(timestampS)) throw new RangeError(`timestampS must be an integer, got ${timestampS}`);
  return hmacBase64('sha256', `${timestampS}\n${secret}`, '');
}
