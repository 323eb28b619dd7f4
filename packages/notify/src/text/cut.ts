const encoder = new TextEncoder();

/** The mark a cut leaves, so a reader knows text is missing. */
export const CUT_MARK = '…';

/** UTF-8 bytes of `s` (WeCom and Feishu count limits in bytes). */
export function byteLength(s: string): number {
  return encoder.encode(s).length;
}

/**
 * `s` in at most `max` UTF-16 code units, cut on a code point boundary and marked with `…`.
 * Code units over-count astral characters, so this stays within a limit counted in characters too.
 */
export function cutChars(s: string, max: number, mark = CUT_MARK): string {
  if (s.length <= max) return s;
  if (max < mark.length) return '';
  let end = max - mark.length;
  // Never leave a lone high surrogate: the platform would show U+FFFD or refuse the JSON.
  if (end > 0 && isHighSurrogate(s.charCodeAt(end - 1))) end -= 1;
  return s.slice(0, end) + mark;
}

/** `s` in at most `maxBytes` UTF-8 bytes, cut on a code point boundary and marked with `…`. */
export function cutBytes(s: string, maxBytes: number, mark = CUT_MARK): string {
  if (byteLength(s) <= maxBytes) return s;
  const room = maxBytes - byteLength(mark);
  if (room < 0) return '';
  let used = 0;
  let end = 0;
  for (const ch of s) {
    const n = utf8Length(ch.codePointAt(0) ?? 0);
    if (used + n > room) break;
    used += n;
    end += ch.length;
  }
  return s.slice(0, end) + mark;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Bytes of one code point; a lone surrogate is encoded as U+FFFD (3 bytes), as TextEncoder does. */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
