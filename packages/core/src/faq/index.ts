export { Bm25Index } from './bm25.ts';
export { FaqMatcher, type FaqCandidate, type FaqContext, type FaqMatch } from './matcher.ts';
