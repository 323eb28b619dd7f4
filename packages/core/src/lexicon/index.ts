export { Lexicon, type LexiconHit } from './lexicon.ts';
export { Negation, type NegationSettings } from './negation.ts';
export { normalizeTerms } from './terms.ts';
export { TermIndex, type Occurrence } from './term-index.ts';
export { firstChars } from './first-chars.ts';
export { Pattern } from './pattern.ts';
