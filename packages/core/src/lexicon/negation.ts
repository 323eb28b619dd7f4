import { normalize } from '../text/normalize.ts';

export type NegationSettings = { cues: readonly string[]; bridges: readonly string[] };

/** Rule words normalised like buyer text, so a 繁体 or full-width term still matches. */
export function normalizeTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((t) => normalize(t).text).filter((t) => t.length > 0))];
}

/** The longest negator checked before a term, in characters. */
const LOOKBEHIND = 10;

/**
 * Negation (否定): a term occurrence right after a cue, optionally with one bridge word, does not
 * count — "不是要投诉", "没坏", "不会给差评".
 */
export class Negation {
  readonly #negators: string[];

  constructor(settings: NegationSettings) {
    const cues = normalizeTerms(settings.cues);
    const bridges = normalizeTerms(settings.bridges);
    this.#negators = cues.flatMap((cue) => [cue, ...bridges.map((bridge) => cue + bridge)]);
  }

  /** Whether the occurrence starting at `at` is negated. */
  negates(text: string, at: number): boolean {
    const before = text.slice(Math.max(0, at - LOOKBEHIND), at);
    return this.#negators.some((n) => before.endsWith(n));
  }
}
