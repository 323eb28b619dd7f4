/**
 * Street addresses (收货地址): keep the administrative part (省/市/区/县) so the team knows where
 * a parcel goes, hide the street, estate, building and room.
 *
 * An address is found by its core — a street or estate word (路/街/村/镇/小区/大厦…) followed
 * within a few characters by a numbered place (88号, 3栋, 2单元, 501室, 12-3-501) — and the
 * administrative prefix is kept by code, not by the pattern: a regex that also spelled out
 * 省/市/区 would backtrack through every split of a long run of Chinese text.
 */
export function maskAddresses(text: string): string {
  return text.replace(ADDRESS, (_m, before: string) => `${keptPrefix(before)}****`);
}

const HAN = '\\u4e00-\\u9fa5';
// 路上/路过/路由… and 街舞/街拍 are not streets.
const STREET = '(?:路(?![上过由费线程径况])|大道|大街|街(?![舞拍头机])|巷|弄|胡同|村|镇|乡)';
const ESTATE = '(?:小区|花园|大厦|公寓|家园|社区|广场|大楼|苑|园|公馆|山庄)';
const NUMBER = '(?:\\d{1,5}|[一二三四五六七八九十百零〇两]{1,4})';
const UNIT = '(?:号楼|号院|号|栋|幢|座|单元|室|楼|层|房|组|队)';
/** 88号, 3号楼, A座, 五组, or the dashed 楼-单元-室 shorthand (12-3-501). */
const PLACE = `(?:(?:${NUMBER}[A-Za-z]?|[A-Za-z])${UNIT}|\\d{1,4}(?:[-－]\\d{1,4}){0,2}[-－]\\d{3,4}(?!\\d))`;

const ADDRESS = new RegExp(
  // The words before the street (its name, and maybe 省/市/区), lazily: at most 24 characters.
  `([${HAN}A-Za-z0-9]{0,24}?)` +
    `(?:${STREET}|${ESTATE})[${HAN}A-Za-z0-9# \\-]{0,12}?${PLACE}` +
    // More numbered places (楼, 单元, 室), then a bare room number (…5栋1802).
    `(?: ?[${HAN}A-Za-z#\\-]{0,10}${PLACE})*(?:-?\\d{1,5}(?!\\d))?`,
  'g',
);

/** Where the kept part may end: an administrative suffix, or a word that introduces the address. */
const KEEP_THROUGH = new Set('省市区县旗州盟在到址是为寄');

/**
 * The words before the street up to the last 省/市/区/县 (or 在/到/地址…) that leaves at least two
 * characters of street name: `浙江省杭州市西湖区文三` → `浙江省杭州市西湖区`; `我家在建国` → `我家在`.
 */
function keptPrefix(before: string): string {
  for (let i = before.length - 3; i >= 0; i -= 1) {
    if (KEEP_THROUGH.has(before[i] ?? '')) return before.slice(0, i + 1);
  }
  return '';
}
