import { XmlError } from './xml-error.ts';

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Longest entity we accept (`&#x10FFFF;`); the cap keeps a run of bare `&` from rescanning the text. */
const MAX_ENTITY = 10;

/** Element names we accept: ASCII, no namespaces, which covers every WeCom field. */
export function isXmlName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name);
}

/** Replaces the five predefined entities and numeric character references; `offset` is for errors. */
export function decodeEntities(text: string, offset: number): string {
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', from)) {
    let semi = -1;
    for (let i = amp + 1; i < text.length && i <= amp + MAX_ENTITY; i++) {
      if (text[i] === ';') {
        semi = i;
        break;
      }
    }
    if (semi < 0) throw new XmlError('unterminated or overlong entity', offset + amp);
    out += text.slice(from, amp) + entity(text.slice(amp + 1, semi), offset + amp);
    from = semi + 1;
  }
  return out + text.slice(from);
}

function entity(ref: string, offset: number): string {
  const named = NAMED[ref];
  if (named !== undefined) return named;
  const hex = /^#x[0-9A-Fa-f]+$/.test(ref);
  if (!hex && !/^#[0-9]+$/.test(ref)) throw new XmlError(`unknown entity &${ref};`, offset);
  const code = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    throw new XmlError(`invalid character reference &${ref};`, offset);
  }
  return String.fromCodePoint(code);
}
