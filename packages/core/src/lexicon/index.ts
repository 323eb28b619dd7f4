export { Lexicon, normalizeTerms, type LexiconHit, type NegationSettings } from './lexicon.ts';
