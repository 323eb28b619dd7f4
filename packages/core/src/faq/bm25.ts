/** Okapi BM25 parameters: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/** A term's postings: the documents holding it and its BM25 term weight in each. */
type Postings = { docs: Int32Array; weights: Float64Array; idf: number };

/**
 * A BM25 index over short documents (FAQ example questions). Scores are made comparable across
 * queries by dividing by the score the query would get against itself, so 1 means "this example
 * says what the buyer said" and 0 "nothing in common" — a confidence the bands can threshold.
 * Weights are precomputed and scores accumulate in typed arrays, so a search costs the postings
 * of the query's terms and nothing per document in the index.
 */
export class Bm25Index {
  readonly #postings = new Map<string, Postings>();
  readonly #size: number;
  readonly #avgLength: number;
  readonly #scores: Float64Array;
  readonly #touched: Int32Array;

  constructor(docs: readonly (readonly string[])[]) {
    this.#size = docs.length;
    const total = docs.reduce((sum, d) => sum + d.length, 0);
    this.#avgLength = Math.max(1, total / Math.max(1, docs.length));
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    for (const [doc, terms] of docs.entries()) {
      for (const [term, tf] of counts(terms)) {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = { docs: [], weights: [] }));
        list.docs.push(doc);
        list.weights.push(this.#weight(tf, terms.length));
      }
    }
    for (const [term, list] of lists) {
      this.#postings.set(term, { docs: Int32Array.from(list.docs), weights: Float64Array.from(list.weights), idf: this.#idf(list.docs.length) });
    }
    this.#scores = new Float64Array(docs.length);
    this.#touched = new Int32Array(docs.length);
  }

  /** Inverse document frequency; a term no example has counts as the rarest kind. */
  #idf(df: number): number {
    return Math.log(1 + (this.#size - df + 0.5) / (df + 0.5));
  }

  #weight(tf: number, length: number): number {
    return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / this.#avgLength));
  }

  /**
   * Normalised scores (0…1) of every document sharing a term with the query, passed to `visit`.
   * Synchronous and not re-entrant: it reuses its buffers between calls.
   */
  search(query: readonly string[], visit: (doc: number, score: number) => void): void {
    let self = 0;
    let touched = 0;
    const scores = this.#scores;
    for (const [term, qtf] of counts(query)) {
      const postings = this.#postings.get(term);
      const idf = postings?.idf ?? this.#idf(0);
      self += idf * this.#weight(qtf, query.length);
      if (!postings) continue;
      const { docs, weights } = postings;
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i] ?? 0;
        if (scores[doc] === 0) this.#touched[touched++] = doc;
        scores[doc] = (scores[doc] ?? 0) + idf * (weights[i] ?? 0);
      }
    }
    for (let i = 0; i < touched; i += 1) {
      const doc = this.#touched[i] ?? 0;
      visit(doc, self > 0 ? Math.min(1, (scores[doc] ?? 0) / self) : 0);
      scores[doc] = 0;
    }
  }
}

function counts(terms: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const t of terms) map.set(t, (map.get(t) ?? 0) + 1);
  return map;
}
