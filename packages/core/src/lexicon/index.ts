export { Lexicon, type LexiconHit, type NegationSettings } from './lexicon.ts';
