import { normalize } from '../text/normalize.ts';

/** Rule words normalised like buyer text, so a 繁体 or full-width term still matches. */
export function normalizeTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((t) => normalize(t).text).filter((t) => t.length > 0))];
}
