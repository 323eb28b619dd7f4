import { Negation, type NegationSettings } from './negation.ts';
import { normalizeTerms } from './terms.ts';
import { Pattern } from './pattern.ts';
import { TermIndex } from './term-index.ts';

/** Where a lexicon fired: the term or pattern, and what it matched. */
export type LexiconHit = { source: 'term' | 'pattern'; match: string };

/** Terms and regular expressions over normalised text, with negation ("不是要投诉" does not count, for either). */
export class Lexicon {
  readonly #terms: TermIndex<true>;
  readonly #patterns: Pattern[];
  readonly #negation: Negation;

  constructor(lexicon: { terms: readonly string[]; patterns: readonly string[] }, negation: NegationSettings) {
    this.#terms = new TermIndex(normalizeTerms(lexicon.terms).map((t) => [t, true] as const));
    this.#patterns = lexicon.patterns.map((p) => new Pattern(p));
    this.#negation = new Negation(negation);
  }

  /** The first un-negated hit in the text, and the terms found only negated (for explanations). */
  find(text: string): { hit?: LexiconHit; negated: string[] } {
    const negated = new Set<string>();
    for (const { start, term } of this.#terms.occurrences(text)) {
      if (!this.#negation.negates(text, start)) return { hit: { source: 'term', match: term }, negated: [...negated] };
      negated.add(term);
    }
    const chars = new Set(text);
    for (const pattern of this.#patterns) {
      const m = pattern.exec(text, chars);
      if (!m) continue;
      if (!this.#negation.negates(text, m.index)) return { hit: { source: 'pattern', match: m[0] }, negated: [...negated] };
      negated.add(m[0]);
    }
    return { negated: [...negated] };
  }

  /** How many distinct terms and patterns occur, negated or not (intensifiers). */
  count(text: string): number {
    const seen = new Set<string>();
    for (const { term } of this.#terms.occurrences(text)) seen.add(term);
    const chars = new Set(text);
    return seen.size + this.#patterns.filter((p) => p.exec(text, chars) !== null).length;
  }
}
