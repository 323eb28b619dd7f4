import { sha256Hex, utf8 } from '@kefu/wire';

/** send_msg's text limit: "最长不超过2048个字节" (silenceper `work/kf/sendmsg/message.go`, CONFIRMED). */
export const MAX_CONTENT_BYTES = 2048;

/**
 * The client msgid for an action: WeCom takes ≤ 32 characters of `[0-9a-zA-Z_-]` (CONFIRMED,
 * `work/kf/sendmsg.go`). It is derived from the action id, so every retry of a send carries the
 * same msgid.
 *
 * @example msgidFor('msg-1#0') // 32 lowercase hex characters, the same on every call
 */
export function msgidFor(actionId: string): string {
  return sha256Hex(`kefu:${actionId}`).slice(0, 32);
}

/** `text` cut to at most `maxBytes` of UTF-8, on a character boundary (never half a character). */
export function cutUtf8(text: string, maxBytes: number = MAX_CONTENT_BYTES): string {
  if (utf8(text).length <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8(char).length;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}
