import { Lexicon } from '../lexicon/lexicon.ts';
import { Negation } from '../lexicon/negation.ts';
import { normalizeTerms } from '../lexicon/terms.ts';
import { Pattern } from '../lexicon/pattern.ts';
import { TermIndex } from '../lexicon/term-index.ts';
import { expandGuards, type ComplaintCategory, type ComplaintSettings, type Severity } from '../rules/complaint.ts';
import type { NormalizedText } from '../text/normalize.ts';

/** A complaint signal that fired, with the words that fired it. */
export type FiredSignal = { id: string; category: ComplaintCategory; weight: number; match: string };

/** What the detector concluded about one message, and everything needed to explain it. */
export type ComplaintVerdict = {
  escalate: boolean;
  /** Weighted sum × intensity (+ repetition). */
  score: number;
  severity: Severity;
  signals: FiredSignal[];
  /** Intensity factor applied (1 = calm). */
  intensity: number;
  /** Earlier complaints in this conversation raised the score. */
  repeated: boolean;
  /** Signal words present but negated ("不是要投诉"). */
  negated: string[];
};

/** What the detector needs to know about the conversation so far. */
export type ComplaintHistory = { recentComplaintScores: readonly number[] };

const SEVERITY_ORDER: Record<Severity, number> = { normal: 0, high: 1, critical: 2 };

/**
 * Complaint detection (投诉识别), compiled once per rules version. Scored and explainable: each
 * signal that fires is listed with the words that fired it, negations are listed too.
 */
export class ComplaintDetector {
  readonly #signals: ComplaintSettings['signals'];
  /** Every signal's terms in one trie: one scan of the message finds them all. */
  readonly #terms: TermIndex<number>;
  readonly #patterns: { signal: number; pattern: Pattern }[];
  readonly #negation: Negation;
  readonly #intensifiers: Lexicon;

  readonly #settings: ComplaintSettings;

  constructor(settings: ComplaintSettings) {
    this.#settings = settings;
    this.#signals = settings.signals;
    this.#terms = new TermIndex(settings.signals.flatMap((s, i) => normalizeTerms(s.terms).map((t) => [t, i] as const)));
    this.#patterns = settings.signals.flatMap((s, i) => s.patterns.map((p) => ({ signal: i, pattern: new Pattern(expandGuards(p, settings.guards)) })));
    this.#negation = new Negation(settings.negation);
    this.#intensifiers = new Lexicon(settings.intensifiers, { cues: [], bridges: [] });
  }

  /**
   * The signals that fired, each with its matched words, and the words found only negated. One
   * phrase is one piece of evidence: where matches of different signals overlap ("坏了" and "坏"),
   * only the heaviest signal's counts.
   */
  #fire(text: string): { matches: Map<number, string>; negated: Set<string> } {
    const candidates: { signal: number; start: number; end: number; match: string }[] = [];
    const negated = new Set<string>();
    for (const { start, term, values } of this.#terms.occurrences(text)) {
      if (this.#negation.negates(text, start)) {
        negated.add(term);
        continue;
      }
      for (const signal of values) candidates.push({ signal, start, end: start + term.length, match: term });
    }
    const chars = new Set(text);
    for (const { signal, pattern } of this.#patterns) {
      const m = pattern.exec(text, chars);
      if (!m) continue;
      if (this.#negation.negates(text, m.index)) negated.add(m[0]);
      else candidates.push({ signal, start: m.index, end: m.index + m[0].length, match: m[0] });
    }
    const weight = (i: number): number => this.#signals[i]?.weight ?? 0;
    candidates.sort((a, b) => weight(b.signal) - weight(a.signal) || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const matches = new Map<number, string>();
    const taken: { start: number; end: number }[] = [];
    for (const c of candidates) {
      if (matches.has(c.signal)) continue;
      if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
      matches.set(c.signal, c.match);
      taken.push(c);
    }
    for (const term of matches.values()) negated.delete(term);
    return { matches, negated };
  }

  detect(message: NormalizedText, history: ComplaintHistory = { recentComplaintScores: [] }): ComplaintVerdict {
    const { text } = message;
    const { matches, negated } = this.#fire(text);
    const signals: FiredSignal[] = [];
    let floor: Severity = 'normal';
    let base = 0;
    for (const [i, match] of [...matches].sort(([a], [b]) => a - b)) {
      const signal = this.#signals[i];
      if (!signal) continue;
      signals.push({ id: signal.id, category: signal.category, weight: signal.weight, match });
      base += signal.weight;
      if (signal.severity && SEVERITY_ORDER[signal.severity] > SEVERITY_ORDER[floor]) floor = signal.severity;
    }
    const { intensifiers, threshold, severity, repetition } = this.#settings;
    let intensity = 1;
    if (base > 0) {
      const boosts = this.#intensifiers.count(text) + (message.punctuationRun >= 2 ? 1 : 0);
      intensity = Math.min(intensifiers.max, 1 + intensifiers.multiplier * boosts);
    }
    const repeated = base > 0 && history.recentComplaintScores.some((s) => s > 0);
    const score = round(base * intensity + (repeated ? repetition.bonus : 0));
    let level: Severity = score >= severity.critical ? 'critical' : score >= severity.high ? 'high' : 'normal';
    if (SEVERITY_ORDER[floor] > SEVERITY_ORDER[level]) level = floor;
    const escalate = score >= threshold;
    return { escalate, score, severity: escalate ? level : 'normal', signals, intensity: round(intensity), repeated, negated: [...negated] };
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
