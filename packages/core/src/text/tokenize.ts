const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

/**
 * Terms for retrieval from normalised text: the words `Intl.Segmenter('zh')` finds, plus the
 * character bigrams of every run of Chinese characters, so that words the segmenter's dictionary
 * does not know (product slang, typos such as 发或 for 发货) still share terms with the examples.
 *
 * @example tokenize('啥时候发货') // ['啥', '时候', '发货', '啥时', '时候', '候发', '发货']
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  let hanRun = '';
  const flushBigrams = (): void => {
    for (let i = 0; i + 1 < hanRun.length; i += 1) terms.push(hanRun.slice(i, i + 2));
    hanRun = '';
  };
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) {
      flushBigrams();
      continue;
    }
    terms.push(segment);
    if (HAN.test(segment)) hanRun += segment;
    else flushBigrams();
  }
  flushBigrams();
  return terms;
}
