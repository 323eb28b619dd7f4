export { Lexicon, type LexiconHit } from './lexicon.ts';
export { Negation, normalizeTerms, type NegationSettings } from './negation.ts';
export { TermIndex, type Occurrence } from './term-index.ts';
export { firstChars } from './first-chars.ts';
export { Pattern } from './pattern.ts';
