/** Integer literals this long may exceed 2^53 (9007199254740991 has 16 digits). */
const LONG_INTEGER_DIGITS = 16;

/**
 * `JSON.parse`, except integer literals of 16+ digits become strings. TMC message ids and trade
 * ids (tid) are 64-bit: TOP sends `"id":7104300007405429232` (alibaba/top
 * test/fixtures/tmc_messages_consume_response.json), which a plain parse rounds to another
 * message's id. Throws like `JSON.parse` on malformed text.
 *
 * @example parseKeepingLongIntegers('{"id":7104300007405429232}') // { id: '7104300007405429232' }
 */
export function parseKeepingLongIntegers(text: string): unknown {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      i = endOfString(text, i);
      continue;
    }
    if (ch === 0x2d /* - */ || isDigit(ch)) {
      let j = ch === 0x2d ? i + 1 : i;
      while (j < text.length && isDigit(text.charCodeAt(j))) j += 1;
      const digits = j - (ch === 0x2d ? i + 1 : i);
      const fraction = /[.eE]/.test(text[j] ?? '');
      if (!fraction && digits >= LONG_INTEGER_DIGITS) {
        out += `${text.slice(copied, i)}"${text.slice(i, j)}"`;
        copied = j;
      }
      while (j < text.length && /[\d.eE+-]/.test(text[j] as string)) j += 1;
      i = j;
      continue;
    }
    i += 1;
  }
  return JSON.parse(out + text.slice(copied));
}

/** Index just past the string literal that opens at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c /* \ */) i += 2;
    else if (ch === 0x22) return i + 1;
    else i += 1;
  }
  return i;
}

function isDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

/** An id as text: a digit string, or a safe integer number; anything else is not an id. */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}
