import { maskAddresses } from './address.ts';

/**
 * Mask buyer PII (phone numbers, ID card numbers, bank cards, emails, QQ/WeChat ids, street
 * addresses) before text reaches a log or a team channel. Shops need enough to recognise a buyer
 * (138****5678), never enough to misuse one.
 *
 * 全角 digits and the signs numbers use (＋ － ＠) are folded to ASCII first, so １３８… is caught
 * like 138…; the rest of the text keeps its characters. Emails run first (a 13812345678@163.com
 * is one email, not a phone), then the longest numbers, so an 18-digit ID is not half-read as a
 * phone number. A number right after 订单号/快递单号/运单号… is a reference the team needs, not PII.
 *
 * @example
 * maskPii('电话 +86 138-1234-5678') // → '电话 138****5678'
 */
export function maskPii(text: string): string {
  return maskAddresses(MASKS.reduce((out, [pattern, mask]) => out.replace(pattern, mask), foldWidth(text)));
}

const foldWidth = (s: string) => s.replace(/[０-９＋－＠]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const stars = (n: number) => '*'.repeat(Math.max(n, 1));
const digitsOnly = (s: string) => s.replace(/\D/g, '');
const ends = (s: string) => `${s[0]}${stars(s.length - 2)}${s.at(-1)}`;

const REFERENCE = '(?:订单|单号|运单|快递|物流|编号|货号|型号|批号|工单|串号|序列号)';
/** Not right after a reference label (订单号：, 快递单号 …). */
const NOT_A_REFERENCE = `(?<!${REFERENCE}[号码是为:：#\\s]{0,4})`;
/** Separators people type inside numbers: spaces, hyphens, dashes. */
const SEP = '[\\s\\-–—]';
const MONTH_DAY = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const digits = (pattern: string) => new RegExp(`${NOT_A_REFERENCE}${pattern}`, 'g');

type Mask = [RegExp, (match: string, ...groups: string[]) => string];

const MASKS: Mask[] = [
  // Emails: the first character of the name and the domain. The look-behind makes a match start
  // only where a name starts, so a long run of letters is scanned once.
  [/(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,}/g, (m) => `${m[0]}***${m.slice(m.indexOf('@'))}`],
  // 18-digit resident ID (身份证), optionally spaced 6-8-4: keep the first and last character.
  [digits(`(?<![\\dA-Za-z])[1-9]\\d{5}\\s?(?:18|19|20)\\d{2}\\s?${MONTH_DAY}\\s?\\d{3}[\\dXx](?![\\dA-Za-z])`), (m) => `${m[0]}${stars(16)}${m.at(-1)}`],
  // 15-digit ID issued before 1999 (一代身份证): region, YYMMDD, sequence.
  [digits(`(?<![\\dA-Za-z])[1-9]\\d{7}${MONTH_DAY}\\d{3}(?![\\dA-Za-z])`), (m) => `${m[0]}${stars(13)}${m.at(-1)}`],
  // Bank cards: 16–19 digits, possibly grouped by 4: keep the last four.
  [digits(`(?<!\\d)(?:\\d{4}${SEP}?){3}\\d{4}(?:${SEP}?\\d{1,3})?(?!\\d)`), (m) => `${stars(digitsOnly(m).length - 4)}${digitsOnly(m).slice(-4)}`],
  // Mainland mobiles, +86/0086 and separators allowed, grouped 3-4-4 or 4-3-4: 138****5678.
  [digits(`(?<!\\d)(?:[(（]?(?:\\+|00)?86[)）]?${SEP}?)?1[3-9](?:\\d${SEP}?\\d{4}|\\d{2}${SEP}?\\d{3})${SEP}?\\d{4}(?!\\d)`), (m) => {
    const d = digitsOnly(m).slice(-11);
    return `${d.slice(0, 3)}****${d.slice(7)}`;
  }],
  // Landlines with an area code, separated or in brackets: 010-8765****, (0755)2666****.
  // 400/800 numbers are the shop's own hotlines and stay.
  [digits(`(?<!\\d)(?:[(（]0\\d{2,3}[)）]\\s?|0\\d{2,3}${SEP})[2-9]\\d{2,3}${SEP}?\\d{4}(?!\\d)`), (m) => `${m.slice(0, -4)}****`],
  // QQ numbers and WeChat ids, only after the word (a bare id looks like anything else).
  [/((?<![A-Za-z])(?:qq|扣扣|微信|weixin|wechat|vx|wx|v信|薇信|威信)(?:号码|账号|号)?[:：\s是为]{0,3})([A-Za-z][-_A-Za-z0-9]{5,19}|[1-9]\d{4,11})(?![-_A-Za-z0-9])/gi, (_m, label: string, id: string) => `${label}${ends(id)}`],
];
