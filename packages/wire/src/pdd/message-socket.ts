import { md5Hex } from '../digest/index.ts';
import { base64Encode, utf8 } from '../encoding/index.ts';

/**
 * Path of the PDD message-service WebSocket (消息服务), to append to `wss://message-api.pinduoduo.com`:
 * `/message/{client_id}/{timestamp_ms}/{sign}`.
 *
 * PARTIAL (protocols §3.2): `sign` is base64 of the lowercase hex MD5 *string* of
 * `client_id + timestamp_ms + client_secret`, as one independent client (pdd-rs) does; other community
 * clients differ. Base64 of hex digits never yields `+` or `/`, so the sign needs no URL escaping.
 */
export function pddMessageSocketPath(clientId: string, timestampMs: number, secret: string): string {
  if (!Number.isSafeInteger(timestampMs)) throw new RangeError(`timestampMs must be an integer, got ${timestampMs}`);
  const sign = base64Encode(utf8(md5Hex(`${clientId}${timestampMs}${secret}`)));
  return `/message/${encodeURIComponent(clientId)}/${timestampMs}/${sign}`;
}
