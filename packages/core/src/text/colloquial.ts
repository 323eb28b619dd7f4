// Cantonese (Hong Kong buyers) and chat spellings, mapped to the Mandarin words the rules are
// written in. Applied after 繁→简, so keys are simplified. Only unambiguous forms: 系 alone is
// Mandarin too (系统, 关系), so only 系咪 is mapped.
const REPLACEMENTS: readonly (readonly [string, string])[] = [
  ['系咪', '是不是'],
  ['有冇', '有没有'],
  ['冇', '没有'],
  ['咗', '了'],
  ['质素', '质量'],
  ['而家', '现在'],
  ['玩嘢', '玩'],
  ['边度', '哪里'],
  ['点解', '为什么'],
  ['乜嘢', '什么'],
  ['嘅', '的'],
  ['唔该', '谢谢'],
  ['唔', '不'],
  ['喺', '在'],
  ['睇', '看'],
  ['嚟', '来'],
  ['啲', '些'],
  ['畀', '给'],
  ['佢', '他'],
  ['木有', '没有'],
  ['米有', '没有'],
  ['神马', '什么'],
  ['肿么', '怎么'],
  ['顺风快递', '顺丰快递'],
  ['发顺风', '发顺丰'],
  ['走顺风', '走顺丰'],
  ['顺风吗', '顺丰吗'],
];

const PATTERN = new RegExp(REPLACEMENTS.map(([from]) => from).join('|'), 'gu');
const TABLE = new Map(REPLACEMENTS);

/** Rewrite Cantonese and chat spellings into Mandarin (`有冇` → `有没有`, `木有` → `没有`). */
export function mandarin(text: string): string {
  return text.replace(PATTERN, (m) => TABLE.get(m) ?? m);
}
