import { normalize, tokenize, type FaqRule } from '@kefu/core';
import MiniSearch from 'minisearch';
import type { Classifier } from '../classifier.ts';

/**
 * An off-the-shelf search library as the matcher: MiniSearch (BM25+) over the same FAQ examples,
 * with our Chinese tokenizer (its default splits on spaces, useless for Chinese). The top hit's
 * intent answers when its score clears `minScore`; complaint- and damage-intent hits escalate.
 */
export function miniSearchBaseline(rules: readonly FaqRule[], minScore = 8): Classifier {
  const search = new MiniSearch<{ id: number; text: string; intent: string }>({
    fields: ['text'],
    storeFields: ['intent'],
    tokenize: (text) => tokenize(normalize(text).text),
    processTerm: (term) => term,
  });
  let id = 0;
  search.addAll(rules.flatMap((rule) => rule.examples.map((text) => ({ id: id++, text, intent: rule.intent }))));
  return {
    name: 'MiniSearch',
    classify(text) {
      const top = search.search(text)[0];
      if (!top || top.score < minScore) return { intent: 'other', escalate: false };
      const intent = top.intent as FaqRule['intent'];
      return { intent, escalate: intent === 'complaint' || intent === 'damaged_wrong' };
    },
  };
}
