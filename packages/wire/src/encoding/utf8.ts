const encoder = new TextEncoder();

/** UTF-8 bytes of `s` (lone surrogates become U+FFFD, as everywhere on the web platform). */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}
