import { Negation, type NegationSettings } from '../lexicon/negation.ts';
import { normalizeTerms } from '../lexicon/terms.ts';
import { TermIndex } from '../lexicon/term-index.ts';
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

/** How many candidates a match reports (the best, runners-up, corroboration for calm reports). */
const RANKED = 8;

/** A runner-up of another intent this close to the best means the question is ambiguous. */
const AMBIGUITY_MARGIN = 0.08;

type Doc = { rule: number; example: string; terms: string[] };

/** Which gate list of which rule a keyword belongs to. */
type KeywordRef = { rule: number; list: 'any' | 'all' | 'none' };

/** The keywords of each rule found in one message (negated `none` keywords left out). */
type Found = { any: Map<number, string[]>; all: Map<number, Set<string>>; none: Set<number> };

/**
 * The FAQ matcher, compiled once per rules version: keyword gates decide which rules may answer,
 * BM25 over their example questions decides how sure we are, and the bands turn that into
 * answer / suggest / abstain.
 */
export class FaqMatcher {
  readonly #rules: FaqRule[];
  readonly #docs: Doc[] = [];
  readonly #index: Bm25Index;
  /** Every rule's keywords, normalised like buyer text, in one trie: one scan finds them all. */
  readonly #keywords: TermIndex<KeywordRef>;
  readonly #allCounts: number[];
  readonly #regexes: (RegExp | undefined)[];
  readonly #negation: Negation;

  readonly #bands: Policies['faq'];

  constructor(rules: readonly FaqRule[], bands: Policies['faq'], negation: NegationSettings) {
    this.#bands = bands;
    this.#rules = [...rules];
    for (const [r, rule] of rules.entries()) {
      for (const example of rule.examples) {
        this.#docs.push({ rule: r, example, terms: tokenize(stripFillers(normalize(example).text)) });
      }
    }
    this.#index = new Bm25Index(this.#docs.map((d) => d.terms));
    const entries: [string, KeywordRef][] = [];
    for (const [r, rule] of rules.entries()) {
      for (const list of ['any', 'all', 'none'] as const) {
        for (const k of normalizeTerms(rule.keywords[list])) entries.push([k, { rule: r, list }]);
      }
    }
    this.#keywords = new TermIndex(entries);
    this.#allCounts = rules.map((rule) => normalizeTerms(rule.keywords.all).length);
    this.#regexes = rules.map((rule) => (rule.regex ? new RegExp(rule.regex, 'u') : undefined));
    this.#negation = new Negation(negation);
  }

  /** Match normalised text (see `normalize`). */
  match(text: string, context: FaqContext = {}): FaqMatch {
    const terms = tokenize(stripFillers(text));
    const found = this.#find(text);
    // Best document per rule whose gates pass; details only for the few rules that can matter.
    const best = new Map<number, { doc: number; score: number }>();
    const gates = new Map<number, string[] | undefined>();
    this.#index.search(terms, (docIndex, score) => {
      const rule = this.#docs[docIndex]?.rule ?? -1;
      const current = best.get(rule);
      if (current && current.score >= score) return;
      if (!gates.has(rule)) gates.set(rule, this.#gate(rule, found, text, context));
      if (gates.get(rule)) best.set(rule, { doc: docIndex, score });
    });
    const ranked = [...best.entries()]
      .sort(([ra, a], [rb, b]) => b.score - a.score || (this.#rules[rb]?.priority ?? 0) - (this.#rules[ra]?.priority ?? 0))
      .slice(0, RANKED)
      .map(([rule, { doc, score }]) => this.#candidate(rule, doc, score, terms, gates.get(rule) ?? []));
    const top = ranked[0];
    if (!top) return { band: 'abstain', why: 'no rule shares words with the message', ranked };
    const runnerUp = ranked.find((c) => c.rule.intent !== top.rule.intent);
    const winner = this.#byPriority(ranked, top);
    if (winner.score < this.#bands.suggestAt) {
      return { band: 'abstain', best: winner, why: `best score ${winner.score.toFixed(2)} < suggestAt ${this.#bands.suggestAt}`, ranked };
    }
    const answerAt = winner.rule.answerAt ?? this.#bands.answerAt;
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

  #candidate(rule: number, docIndex: number, score: number, terms: string[], keywords: string[]): FaqCandidate {
    const doc = this.#docs[docIndex];
    const shared = new Set(doc?.terms);
    return { rule: this.#rules[rule] as FaqRule, score, example: doc?.example ?? '', terms: [...new Set(terms.filter((t) => shared.has(t)))], keywords };
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

  /** The keywords present in the text, per rule and gate list. */
  #find(text: string): Found {
    const found: Found = { any: new Map(), all: new Map(), none: new Set() };
    for (const { start, term, values } of this.#keywords.occurrences(text)) {
      let negated: boolean | undefined;
      for (const { rule, list } of values) {
        if (list === 'any') {
          const hits = found.any.get(rule);
          if (hits) hits.push(term);
          else found.any.set(rule, [term]);
        } else if (list === 'all') {
          const hits = found.all.get(rule);
          if (hits) hits.add(term);
          else found.all.set(rule, new Set([term]));
        } else if (!(negated ??= this.#negation.negates(text, start))) {
          found.none.add(rule);
        }
      }
    }
    return found;
  }

  /** The rule's keywords found if its gates let it answer this text, otherwise undefined. */
  #gate(index: number, found: Found, text: string, context: FaqContext): string[] | undefined {
    const rule = this.#rules[index];
    if (!rule) return undefined;
    const { platforms, shops } = rule.scope;
    if (context.platform && platforms.length > 0 && !platforms.includes(context.platform)) return undefined;
    if (context.shopId && shops.length > 0 && !shops.includes(context.shopId)) return undefined;
    if (found.none.has(index)) return undefined;
    const all = found.all.get(index) ?? new Set<string>();
    if (all.size < (this.#allCounts[index] ?? 0)) return undefined;
    const any = found.any.get(index) ?? [];
    if (rule.keywords.any.length > 0 && any.length === 0) return undefined;
    const regex = this.#regexes[index];
    if (regex && !regex.test(text)) return undefined;
    return [...new Set(any), ...all];
  }
}
