import { normalizeTerms } from './terms.ts';

export type NegationSettings = { cues: readonly string[]; bridges: readonly string[]; scoped?: readonly string[] };

/** The longest negator checked before a term, in characters. */
const LOOKBEHIND = 10;
/** How far a scoped cue reaches into its clause, in characters between cue and term. */
const SCOPE = 6;
/** What ends a scoped cue before it reaches the term. */
const SCOPE_BREAK = /[\p{P}\p{S}]|就是|一般/u;

/**
 * Negation (否定): a term occurrence right after a cue, optionally with one bridge word, does not
 * count — "不是要投诉", "没坏", "不会给差评"; nor one a few words into the clause of a scoped cue —
 * "不是说你们卖假的".
 */
export class Negation {
  readonly #negators: string[];
  readonly #scoped: string[];

  constructor(settings: NegationSettings) {
    const cues = normalizeTerms(settings.cues);
    const bridges = normalizeTerms(settings.bridges);
    this.#negators = cues.flatMap((cue) => [cue, ...bridges.map((bridge) => cue + bridge)]);
    this.#scoped = normalizeTerms(settings.scoped ?? []);
  }

  /** Whether the occurrence starting at `at` is negated. */
  negates(text: string, at: number): boolean {
    const before = text.slice(Math.max(0, at - LOOKBEHIND), at);
    if (this.#negators.some((n) => before.endsWith(n))) return true;
    for (const cue of this.#scoped) {
      const i = before.lastIndexOf(cue);
      if (i === -1) continue;
      const between = before.slice(i + cue.length);
      if (between.length <= SCOPE && !SCOPE_BREAK.test(between)) return true;
    }
    return false;
  }
}
