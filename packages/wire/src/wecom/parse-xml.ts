import { XmlError } from './xml-error.ts';
import { decodeEntities, isXmlName } from './xml-text.ts';

/** WeCom callbacks are a few hundred bytes; refusing far larger input bounds the work up front. */
const MAX_XML_LENGTH = 1 << 20;
const CDATA_OPEN = '<![CDATA[';

/**
 * Parses flat WeCom XML (`<xml><A><![CDATA[x]]></A><B>12</B></xml>`) into field → text. One linear
 * pass with `indexOf`, no backtracking regex. Leaf text may mix CDATA sections and escaped text.
 * Throws {@link XmlError} on anything else: nesting, attributes, duplicate fields, comments,
 * DOCTYPE (so no entity expansion), a root other than `<xml>`, trailing content, or over 1 MiB.
 */
export function parseXml(xml: string): Record<string, string> {
  if (typeof xml !== 'string') throw new XmlError('input is not a string', 0);
  if (xml.length > MAX_XML_LENGTH) throw new XmlError(`input is over ${MAX_XML_LENGTH} characters`, MAX_XML_LENGTH);
  let pos = skipProlog(xml);
  const root = readOpenTag(xml, pos);
  if (root.name !== 'xml' || root.selfClosing) throw new XmlError('root element must be <xml>', pos);
  pos = root.end;
  const fields = new Map<string, string>();
  for (;;) {
    pos = skipSpace(xml, pos);
    if (pos >= xml.length) throw new XmlError('unterminated <xml>', pos);
    if (xml.startsWith('</', pos)) break;
    if (xml[pos] !== '<') throw new XmlError('text directly inside <xml>', pos);
    const tag = readOpenTag(xml, pos);
    if (fields.has(tag.name)) throw new XmlError(`duplicate field <${tag.name}>`, pos);
    const leaf = tag.selfClosing ? { text: '', end: tag.end } : readLeaf(xml, tag.end, tag.name);
    fields.set(tag.name, leaf.text);
    pos = leaf.end;
  }
  pos = readCloseTag(xml, pos, 'xml');
  if (skipSpace(xml, pos) !== xml.length) throw new XmlError('content after </xml>', pos);
  return Object.fromEntries(fields); // fromEntries defines own properties, so "__proto__" stays a plain key
}

/** Leaf content up to `</name>`: CDATA sections and entity-escaped text, concatenated. */
function readLeaf(xml: string, start: number, name: string): { text: string; end: number } {
  let text = '';
  let pos = start;
  for (;;) {
    if (xml.startsWith(CDATA_OPEN, pos)) {
      const close = xml.indexOf(']]>', pos + CDATA_OPEN.length);
      if (close < 0) throw new XmlError('unterminated CDATA section', pos);
      text += xml.slice(pos + CDATA_OPEN.length, close);
      pos = close + 3;
    } else if (xml.startsWith('</', pos)) {
      return { text, end: readCloseTag(xml, pos, name) };
    } else if (xml[pos] === '<') {
      throw new XmlError(`<${name}> is not a flat text field`, pos);
    } else {
      const next = xml.indexOf('<', pos);
      if (next < 0) throw new XmlError(`unterminated <${name}>`, pos);
      text += decodeEntities(xml.slice(pos, next), pos);
      pos = next;
    }
  }
}

function readOpenTag(xml: string, start: number): { name: string; selfClosing: boolean; end: number } {
  if (xml[start] !== '<') throw new XmlError('expected an element', start);
  const { name, end } = readName(xml, start + 1);
  const pos = skipSpace(xml, end);
  if (xml[pos] === '>') return { name, selfClosing: false, end: pos + 1 };
  if (xml.startsWith('/>', pos)) return { name, selfClosing: true, end: pos + 2 };
  throw new XmlError(`attributes or junk in <${name}>`, pos);
}

function readCloseTag(xml: string, start: number, expected: string): number {
  const { name, end } = readName(xml, start + 2);
  if (name !== expected) throw new XmlError(`expected </${expected}>, found </${name}>`, start);
  const pos = skipSpace(xml, end);
  if (xml[pos] !== '>') throw new XmlError(`malformed </${name}>`, pos);
  return pos + 1;
}

function readName(xml: string, start: number): { name: string; end: number } {
  let end = start;
  while (end < xml.length && /[A-Za-z0-9_.-]/.test(xml.charAt(end))) end++;
  const name = xml.slice(start, end);
  if (!isXmlName(name)) throw new XmlError('expected an element name', start);
  return { name, end };
}

/** Skips a BOM, whitespace and one `<?xml …?>` declaration; comments and DOCTYPE are refused. */
function skipProlog(xml: string): number {
  let pos = skipSpace(xml, xml.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (xml.startsWith('<?xml', pos)) {
    const close = xml.indexOf('?>', pos);
    if (close < 0) throw new XmlError('unterminated XML declaration', pos);
    pos = skipSpace(xml, close + 2);
  }
  return pos;
}

function skipSpace(xml: string, start: number): number {
  let pos = start;
  while (pos < xml.length && ' \t\r\n'.includes(xml.charAt(pos))) pos++;
  return pos;
}
