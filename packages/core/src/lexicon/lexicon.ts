import { normalize } from '../text/normalize.ts';

/** Rule words normalised like buyer text, so a 繁体 or full-width term still matches. */
export function normalizeTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((t) => normalize(t).text).filter((t) => t.length > 0))];
}

/** Where a lexicon fired: the term or pattern, and what it matched. */
export type LexiconHit = { source: 'term' | 'pattern'; match: string };

export type NegationSettings = { cues: readonly string[]; bridges: readonly string[] };

/**
 * Terms and regular expressions over normalised text, with negation (否定): an occurrence right
 * after a cue and at most one bridge word ("不是要投诉", "没坏") does not count.
 */
export class Lexicon {
  readonly #terms: readonly string[];
  readonly #patterns: RegExp[];
  readonly #negators: string[];

  constructor(lexicon: { terms: readonly string[]; patterns: readonly string[] }, negation: NegationSettings) {
    this.#terms = normalizeTerms(lexicon.terms);
    this.#patterns = lexicon.patterns.map((p) => new RegExp(p, 'u'));
    const cues = normalizeTerms(negation.cues);
    const bridges = normalizeTerms(negation.bridges);
    this.#negators = cues.flatMap((cue) => [cue, ...bridges.map((bridge) => cue + bridge)]);
  }

  /** The first un-negated hit in the text, and the terms found only negated (for explanations). */
  find(text: string): { hit?: LexiconHit; negated: string[] } {
    const negated: string[] = [];
    for (const term of this.#terms) {
      let at = text.indexOf(term);
      let sawNegated = false;
      while (at !== -1) {
        if (!this.#isNegated(text, at)) return { hit: { source: 'term', match: term }, negated };
        sawNegated = true;
        at = text.indexOf(term, at + 1);
      }
      if (sawNegated) negated.push(term);
    }
    for (const pattern of this.#patterns) {
      const m = pattern.exec(text);
      if (m) return { hit: { source: 'pattern', match: m[0] }, negated };
    }
    return { negated };
  }

  /** How many terms or patterns occur (no negation): used for intensifiers. */
  count(text: string): number {
    let n = 0;
    for (const term of this.#terms) if (text.includes(term)) n += 1;
    for (const pattern of this.#patterns) if (pattern.test(text)) n += 1;
    return n;
  }

  #isNegated(text: string, at: number): boolean {
    const before = text.slice(Math.max(0, at - 8), at);
    return this.#negators.some((n) => before.endsWith(n));
  }
}
