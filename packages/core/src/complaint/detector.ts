import { Lexicon } from '../lexicon/lexicon.ts';
import type { ComplaintCategory, ComplaintSettings, Severity } from '../rules/complaint.ts';
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
  readonly #signals: { id: string; category: ComplaintCategory; weight: number; severity?: Severity; lexicon: Lexicon }[];
  readonly #intensifiers: Lexicon;

  constructor(private readonly settings: ComplaintSettings) {
    this.#signals = settings.signals.map((s) => ({
      id: s.id,
      category: s.category,
      weight: s.weight,
      ...(s.severity && { severity: s.severity }),
      lexicon: new Lexicon(s, settings.negation),
    }));
    this.#intensifiers = new Lexicon(settings.intensifiers, { cues: [], bridges: [] });
  }

  detect(message: NormalizedText, history: ComplaintHistory = { recentComplaintScores: [] }): ComplaintVerdict {
    const { text } = message;
    const signals: FiredSignal[] = [];
    const negated = new Set<string>();
    let floor: Severity = 'normal';
    let base = 0;
    for (const signal of this.#signals) {
      const found = signal.lexicon.find(text);
      for (const term of found.negated) negated.add(term);
      if (!found.hit) continue;
      signals.push({ id: signal.id, category: signal.category, weight: signal.weight, match: found.hit.match });
      base += signal.weight;
      if (signal.severity && SEVERITY_ORDER[signal.severity] > SEVERITY_ORDER[floor]) floor = signal.severity;
    }
    const { intensifiers, threshold, severity, repetition } = this.settings;
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
