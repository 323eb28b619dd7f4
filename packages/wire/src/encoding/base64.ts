const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Reverse lookup: char code → 6-bit value, or -1 for anything outside the standard alphabet. */
const DECODE = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Standard base64 (RFC 4648 §4, with `=` padding) of `bytes`. */
export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += sextet(n >> 18) + sextet(n >> 12) + sextet(n >> 6) + sextet(n);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += sextet(n >> 18) + sextet(n >> 12) + '==';
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += sextet(n >> 18) + sextet(n >> 12) + sextet(n >> 6) + '=';
  }
  return out;
}

/**
 * Decodes standard base64. Padding is optional, but when present it must be complete; whitespace,
 * the URL-safe alphabet and stray `=` are rejected with a `TypeError`.
 *
 * Unused low bits in the last character are ignored rather than rejected, because a WeCom
 * EncodingAESKey is 43 random characters whose last one usually carries such bits.
 */
export function base64Decode(s: string): Uint8Array {
  let end = s.length;
  if (end % 4 === 0 && s.endsWith('=')) end -= s.endsWith('==') ? 2 : 1;
  if (end % 4 === 1) throw new TypeError('invalid base64: bad length');
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = s.charCodeAt(i);
    const v = code < 128 ? (DECODE[code] ?? -1) : -1;
    if (v < 0) throw new TypeError(`invalid base64: unexpected character at ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

function sextet(n: number): string {
  return ALPHABET.charAt(n & 63);
}
