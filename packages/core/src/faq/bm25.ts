/** Okapi BM25 parameters: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

type Posting = { doc: number; tf: number };

/**
 * A BM25 index over short documents (FAQ example questions). Scores are made comparable across
 * queries by dividing by the score the query would get against itself, so 1 means "this example
 * says what the buyer said" and 0 "nothing in common" — a confidence the bands can threshold.
 */
export class Bm25Index {
  readonly #postings = new Map<string, Posting[]>();
  readonly #lengths: number[] = [];
  #avgLength = 1;

  constructor(docs: readonly (readonly string[])[]) {
    for (const [doc, terms] of docs.entries()) {
      this.#lengths.push(terms.length);
      for (const [term, tf] of counts(terms)) {
        let list = this.#postings.get(term);
        if (!list) this.#postings.set(term, (list = []));
        list.push({ doc, tf });
      }
    }
    const total = this.#lengths.reduce((a, b) => a + b, 0);
    this.#avgLength = Math.max(1, total / Math.max(1, this.#lengths.length));
  }

  get size(): number {
    return this.#lengths.length;
  }

  /** Inverse document frequency; a term no example has counts as the rarest kind. */
  idf(term: string): number {
    const df = this.#postings.get(term)?.length ?? 0;
    const n = this.#lengths.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  #weight(tf: number, length: number): number {
    return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / this.#avgLength));
  }

  /** Normalised scores (0…1) of every document sharing a term with the query. */
  search(query: readonly string[]): Map<number, number> {
    const scores = new Map<number, number>();
    const queryCounts = counts(query);
    let self = 0;
    for (const [term, qtf] of queryCounts) {
      const idf = this.idf(term);
      self += idf * this.#weight(qtf, query.length);
      for (const { doc, tf } of this.#postings.get(term) ?? []) {
        scores.set(doc, (scores.get(doc) ?? 0) + idf * this.#weight(tf, this.#lengths[doc] ?? 0));
      }
    }
    if (self > 0) for (const [doc, score] of scores) scores.set(doc, Math.min(1, score / self));
    return scores;
  }
}

function counts(terms: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const t of terms) map.set(t, (map.get(t) ?? 0) + 1);
  return map;
}
