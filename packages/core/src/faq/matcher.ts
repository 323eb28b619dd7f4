import { Lexicon } from '../lexicon/lexicon.ts';
import { normalizeTerms, type NegationSettings } from '../lexicon/negation.ts';
import type { FaqRule } from '../rules/faq.ts';
import type { Policies } from '../rules/policies.ts';
import { normalize } from '../text/normalize.ts';
import { tokenize } from '../text/tokenize.ts';
import type { Platform } from '../types/platform.ts';
import { Bm25Index } from './bm25.ts';
import { stripFillers } from './fillers.ts';

/** A candidate rule with how sure the matcher is and why. */
export type FaqCandidate = {
  rule: FaqRule;
  /** 0…1: how closely the buyer's words match the rule's best example. */
  score: number;
  /** The example that matched best. */
  example: string;
  /** Buyer terms that the example shares. */
  terms: string[];
  /** Keywords of the rule found in the text. */
  keywords: string[];
};

export type FaqMatch = (
  /** Confident: the bot answers with this rule. */
  | { band: 'answer'; best: FaqCandidate; runnerUp?: FaqCandidate }
  /** Close but not sure: a person answers, the rule is suggested to them. */
  | { band: 'suggest'; best: FaqCandidate; runnerUp?: FaqCandidate; why: string }
  /** Nothing close: a person answers. */
  | { band: 'abstain'; best?: FaqCandidate; why: string }
) & {
  /** Every rule whose gates passed and that shares words with the message, best first. */
  ranked: readonly FaqCandidate[];
};

export type FaqContext = { platform?: Platform; shopId?: string };

/** A runner-up of another intent this close to the best means the question is ambiguous. */
const AMBIGUITY_MARGIN = 0.08;

type Doc = { rule: number; example: string; terms: string[] };

/** A rule's keyword gates, normalised like buyer text; `none` ignores negated words ("不是要投诉"). */
type Gate = { any: string[]; all: string[]; none: Lexicon; regex?: RegExp };

/**
 * The FAQ matcher, compiled once per rules version: keyword gates decide which rules may answer,
 * BM25 over their example questions decides how sure we are, and the bands turn that into
 * answer / suggest / abstain.
 */
export class FaqMatcher {
  readonly #rules: FaqRule[];
  readonly #docs: Doc[] = [];
  readonly #index: Bm25Index;
  readonly #gates: Gate[];

  constructor(
    rules: readonly FaqRule[],
    private readonly bands: Policies['faq'],
    negation: NegationSettings,
  ) {
    this.#rules = [...rules];
    for (const [r, rule] of rules.entries()) {
      for (const example of rule.examples) {
        this.#docs.push({ rule: r, example, terms: tokenize(stripFillers(normalize(example).text)) });
      }
    }
    this.#index = new Bm25Index(this.#docs.map((d) => d.terms));
    this.#gates = rules.map((rule) => ({
      any: normalizeTerms(rule.keywords.any),
      all: normalizeTerms(rule.keywords.all),
      none: new Lexicon({ terms: rule.keywords.none, patterns: [] }, negation),
      ...(rule.regex && { regex: new RegExp(rule.regex, 'u') }),
    }));
  }

  get ruleCount(): number {
    return this.#rules.length;
  }

  /** Match normalised text (see `normalize`). */
  match(text: string, context: FaqContext = {}): FaqMatch {
    const terms = tokenize(stripFillers(text));
    const best = new Map<number, FaqCandidate>();
    const gates = new Map<number, string[] | undefined>();
    for (const [docIndex, score] of this.#index.search(terms)) {
      const doc = this.#docs[docIndex];
      if (!doc) continue;
      const current = best.get(doc.rule);
      if (current && current.score >= score) continue;
      const rule = this.#rules[doc.rule];
      if (!rule) continue;
      if (!gates.has(doc.rule)) gates.set(doc.rule, this.#gate(doc.rule, rule, text, context));
      const keywords = gates.get(doc.rule);
      if (!keywords) continue;
      const shared = new Set(doc.terms);
      best.set(doc.rule, { rule, score, example: doc.example, terms: [...new Set(terms.filter((t) => shared.has(t)))], keywords });
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score || b.rule.priority - a.rule.priority);
    const top = ranked[0];
    if (!top) return { band: 'abstain', why: 'no rule shares words with the message', ranked };
    const runnerUp = ranked.find((c) => c.rule.intent !== top.rule.intent);
    const winner = this.#byPriority(ranked, top);
    if (winner.score < this.bands.suggestAt) {
      return { band: 'abstain', best: winner, why: `best score ${winner.score.toFixed(2)} < suggestAt ${this.bands.suggestAt}`, ranked };
    }
    const answerAt = winner.rule.answerAt ?? this.bands.answerAt;
    if (winner.score < answerAt) {
      return { band: 'suggest', best: winner, ...(runnerUp && { runnerUp }), why: `score ${winner.score.toFixed(2)} < answerAt ${answerAt}`, ranked };
    }
    if (runnerUp && winner.score - runnerUp.score < AMBIGUITY_MARGIN) {
      return {
        band: 'suggest',
        best: winner,
        runnerUp,
        why: `ambiguous: ${winner.rule.id} ${winner.score.toFixed(2)} vs ${runnerUp.rule.id} ${runnerUp.score.toFixed(2)}`,
        ranked,
      };
    }
    return { band: 'answer', best: winner, ...(runnerUp && { runnerUp }), ranked };
  }

  /** Among near-ties with the top score, the highest priority wins. */
  #byPriority(ranked: FaqCandidate[], top: FaqCandidate): FaqCandidate {
    let winner = top;
    for (const c of ranked) {
      if (top.score - c.score >= AMBIGUITY_MARGIN) break;
      if (c.rule.priority > winner.rule.priority) winner = c;
    }
    return winner;
  }

  /** The rule's keywords found if its gates let it answer this text, otherwise undefined. */
  #gate(index: number, rule: FaqRule, text: string, context: FaqContext): string[] | undefined {
    const { platforms, shops } = rule.scope;
    if (context.platform && platforms.length > 0 && !platforms.includes(context.platform)) return undefined;
    if (context.shopId && shops.length > 0 && !shops.includes(context.shopId)) return undefined;
    const gate = this.#gates[index];
    if (!gate) return undefined;
    if (gate.none.find(text).hit) return undefined;
    if (!gate.all.every((k) => text.includes(k))) return undefined;
    const found = gate.any.filter((k) => text.includes(k));
    if (gate.any.length > 0 && found.length === 0) return undefined;
    if (gate.regex && !gate.regex.test(text)) return undefined;
    return [...found, ...gate.all];
  }
}
