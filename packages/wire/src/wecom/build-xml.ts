import { XmlError } from './xml-error.ts';
import { isXmlName } from './xml-text.ts';

/** Characters XML 1.0 cannot carry at all, not even in CDATA. */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Builds flat WeCom XML in field order: strings go in CDATA, numbers as plain text.
 * A `]]>` inside a string is split across two CDATA sections (`]]]]><![CDATA[>`), so any text
 * survives a round trip through {@link parseXml}.
 *
 * @example buildXml({ ToUserName: 'ww123', CreateTime: 1348831860 })
 * // '<xml><ToUserName><![CDATA[ww123]]></ToUserName><CreateTime>1348831860</CreateTime></xml>'
 */
export function buildXml(fields: Record<string, string | number>): string {
  let out = '<xml>';
  for (const [name, value] of Object.entries(fields)) {
    if (!isXmlName(name)) throw new XmlError(`"${name}" is not a valid element name`, -1);
    out += `<${name}>${content(name, value)}</${name}>`;
  }
  return `${out}</xml>`;
}

function content(name: string, value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new XmlError(`<${name}> is not a finite number`, -1);
    return String(value);
  }
  if (typeof value !== 'string') throw new XmlError(`<${name}> is neither a string nor a number`, -1);
  if (ILLEGAL.test(value)) throw new XmlError(`<${name}> contains a character XML cannot carry`, -1);
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
