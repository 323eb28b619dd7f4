type Node<T> = { next: Map<string, Node<T>>; values: T[]; term?: string };

/** Where a term occurs in a text, and what it stands for. */
export type Occurrence<T> = { start: number; term: string; values: readonly T[] };

/**
 * A trie of terms: finding every occurrence costs a walk from each position of the text, not a
 * search per term, so a lexicon of thousands of terms is as fast as one of ten.
 */
export class TermIndex<T> {
  readonly #root: Node<T> = { next: new Map(), values: [] };

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [term, value] of entries) {
      let node = this.#root;
      for (const ch of term) {
        let child = node.next.get(ch);
        if (!child) node.next.set(ch, (child = { next: new Map(), values: [] }));
        node = child;
      }
      node.term = term;
      node.values.push(value);
    }
  }

  /** Every occurrence of every term, by start position then length. */
  *occurrences(text: string): Generator<Occurrence<T>> {
    for (let start = 0; start < text.length; start += 1) {
      let node: Node<T> | undefined = this.#root;
      for (let i = start; i < text.length; i += 1) {
        node = node.next.get(text[i] ?? '');
        if (!node) break;
        if (node.term !== undefined) yield { start, term: node.term, values: node.values };
      }
    }
  }
}
