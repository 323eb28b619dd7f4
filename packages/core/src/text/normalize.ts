import { mandarin } from './colloquial.ts';
import { toSimplified } from './to-simplified.ts';

/** A buyer message prepared for matching, with what normalisation removed but we still need. */
export type NormalizedText = {
  /** Simplified, half-width, lower-case; white space between words becomes ","; runs of punctuation and elongation shortened. */
  text: string;
  /** Longest run of ! or ? in the original (after full-width folding): "!!!" → 3. */
  punctuationRun: number;
};

// Buyers use spaces as punctuation ("在吗 什么时候发货"): inner white space becomes a clause break.
const INNER_WHITESPACE = /(?<=\S)\s+(?=\S)/gu;
const WHITESPACE = /\s+/gu;
// A run of the same punctuation mark: "!!!" → "!", "。。。" → "。", "~~~" → "~".
const PUNCTUATION_RUN = /([\p{P}\p{S}])\1+/gu;
// Elongation: the same letter or ideograph three or more times ("啊啊啊啊", "好好好好好") → two.
const ELONGATION = /([\p{L}\p{N}])\1{2,}/gu;
const BANG_OR_QUERY_RUN = /[!?]{2,}/g;

/**
 * Normalise a buyer message for matching: NFKC (full-width → half-width, compatibility forms),
 * 繁→简, Cantonese and chat spellings to Mandarin (有冇 → 有没有, 木有 → 没有), lower case, white
 * space as a clause break, repeated punctuation and elongation collapsed. Rules' terms and
 * keywords go through the same function when they compile, so both sides always agree.
 *
 * @example normalize('在嗎？？？ 什麼時候發貨！！') // { text: '在吗?,什么时候发货!', punctuationRun: 3 }
 */
export function normalize(raw: string): NormalizedText {
  const folded = raw.normalize('NFKC').replace(INNER_WHITESPACE, ',').replace(WHITESPACE, '');
  let punctuationRun = 0;
  for (const run of folded.matchAll(BANG_OR_QUERY_RUN)) {
    punctuationRun = Math.max(punctuationRun, run[0].length);
  }
  const text = mandarin(toSimplified(folded).toLowerCase())
    .replace(PUNCTUATION_RUN, '$1')
    .replace(ELONGATION, '$1$1');
  return { text, punctuationRun };
}
