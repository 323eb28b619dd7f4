/**
 * Mask buyer PII (phone numbers, ID card numbers, bank cards, emails, street addresses) before text
 * reaches a log or a team channel. Shops need enough to recognise a buyer (138****5678), never enough
 * to misuse one. Longest patterns run first so an 18-digit ID is not half-read as a phone number.
 */
export function maskPii(text: string): string {
  return MASKS.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}

const stars = (n: number) => '*'.repeat(Math.max(n, 1));
const digitsOnly = (s: string) => s.replace(/\D/g, '');

const HAN = '\\u4e00-\\u9fa5';
const DISTRICT = `(?:[${HAN}]{2,7}(?:省|自治区))?(?:[${HAN}]{2,7}市)?[${HAN}]{1,7}(?:区|县|旗)`;
const NUMBERED = `(?:\\d+|[一二三四五六七八九十百]+)[A-Za-z]?(?:号楼|号院|号|栋|幢|座|单元|室|楼|层|房)`;
const STREET = `[${HAN}A-Za-z0-9]{0,24}?(?:路|街|大道|巷|弄|胡同|村|镇|乡)[${HAN}A-Za-z0-9#\\-－]{0,12}?${NUMBERED}`;
const BUILDING = `[${HAN}A-Za-z#\\-－]{0,10}${NUMBERED}`;

type Mask = [RegExp, (match: string, ...groups: string[]) => string];

const MASKS: Mask[] = [
  // 18-digit resident ID (身份证), optionally with spaces: keep the first and last character.
  [/(?<![\dA-Za-z])[1-9]\d{5}\s?(?:18|19|20)\d{2}\s?(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?\d{3}[\dXx](?![\dA-Za-z])/g, (m) => `${m[0]}${stars(16)}${m.at(-1)}`],
  // Bank cards: 16–19 digits, possibly grouped by 4: keep the last four. A number right after
  // 订单/单号/快递/物流 is an order or tracking number the team needs, not a card.
  [/(?<!(?:订单|单号|运单|快递|物流|编号)[号:：\s]{0,3})(?<!\d)(?:\d{4}[\s-]?){3}\d{4}(?:[\s-]?\d{1,3})?(?!\d)/g, (m) => `${stars(digitsOnly(m).length - 4)}${digitsOnly(m).slice(-4)}`],
  // Mainland mobiles, +86 and separators allowed: 138****5678.
  [/(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g, (m) => {
    const d = digitsOnly(m).slice(-11);
    return `${d.slice(0, 3)}****${d.slice(7)}`;
  }],
  // Landlines with an area code: 010-1234****.
  [/(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g, (m) => `${m.slice(0, -4)}****`],
  // Emails: the first character of the name and the domain.
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, (m) => `${m[0]}***${m.slice(m.indexOf('@'))}`],
  // Street addresses: keep up to the district (区/县), hide the street, building and room.
  [new RegExp(`(${DISTRICT})?${STREET}(?:${BUILDING})*`, 'g'), (_m, district: string | undefined) => `${district ?? ''}****`],
];
