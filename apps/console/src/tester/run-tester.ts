import { compileRules, decide, initialState, normalize, parseRules, type Action, type ComplaintVerdict, type ConversationState, type Platform, type Reason, type RulesError } from '@kefu/core';
import { fromZonedLocal } from './zoned-time.ts';

export type TesterInput = {
  platform: Platform;
  shopId: string;
  /** `2026-11-11T10:00`, read in the shop's time zone (rules `shop.timezone`); absent = `now`. */
  localTime?: string | undefined;
  now: number;
  returning: boolean;
  text: string;
};

/** One action the engine decided, flattened for the page. */
export type ActionView = {
  kind: Action['kind'];
  id: string;
  reasons: Reason[];
  text?: string;
  ruleId?: string;
  score?: number;
  intent?: string;
  severity?: string;
  deadline?: number;
  at?: number;
  purpose?: string;
  suggestion?: { ruleId: string; score: number };
  data?: Record<string, number | string | boolean>;
};

export type FaqCandidateView = { id: string; intent: string; score: number; example: string; terms: string[]; keywords: string[] };

export type TesterReport = {
  timeZone: string;
  at: number;
  open: boolean;
  nextOpening: number | null;
  actions: ActionView[];
  faq: { band: 'answer' | 'suggest' | 'abstain'; why: string | null; ranked: FaqCandidateView[] };
  complaint: Pick<ComplaintVerdict, 'escalate' | 'score' | 'severity' | 'signals' | 'negated' | 'intensity'>;
  /** The SLA clock: scheduled alerts/breaches (and any other timer), with when they fire. */
  timers: { purpose: string; at: number; ref: string; reason: Reason }[];
  state: ConversationState;
};

export type TesterOutcome = { kind: 'ok'; report: TesterReport } | { kind: 'invalid'; errors: RulesError[] } | { kind: 'bad_time'; message: string };

function view(action: Action): ActionView {
  const base = { kind: action.kind, id: action.id };
  switch (action.kind) {
    case 'reply':
      return { ...base, reasons: [action.reason], text: action.text, ruleId: action.ruleId, intent: action.intent, ...(action.score === undefined ? {} : { score: action.score }) };
    case 'escalate':
      return { ...base, reasons: action.reasons, severity: action.severity, ...(action.deadline === undefined ? {} : { deadline: action.deadline }) };
    case 'schedule':
      return { ...base, reasons: [action.reason], at: action.at, purpose: action.purpose };
    case 'handoff':
      return { ...base, reasons: [action.reason], ...(action.suggestion ? { suggestion: action.suggestion } : {}) };
    case 'log':
      return { ...base, reasons: [action.reason], ...(action.data ? { data: action.data } : {}) };
  }
}

/**
 * What the bot would do with one buyer message at a given time, with these (resolved) rules: the
 * same pure engine the platform workers run (`compileRules` + `decide`), plus the FAQ ranking and
 * the complaint verdict behind it. Nothing is sent or stored.
 */
export function runTester(document: unknown, input: TesterInput): TesterOutcome {
  const parsed = parseRules(document);
  if (parsed.kind === 'invalid') return parsed;
  const timeZone = parsed.rules.shop.timezone;
  const at = input.localTime ? fromZonedLocal(input.localTime, timeZone) : input.now;
  if (at === null) return { kind: 'bad_time', message: `time "${input.localTime ?? ''}" is not YYYY-MM-DDTHH:mm` };
  const engine = compileRules(parsed.rules);
  const { actions, state: next } = decide(
    { kind: 'buyer_message', id: 'console-tester', platform: input.platform, shopId: input.shopId, buyerId: 'console-tester', at, text: input.text, returning: input.returning },
    initialState(),
    engine,
    at,
  );
  const message = normalize(input.text);
  const verdict = engine.complaint.detect(message, { recentComplaintScores: [] });
  const match = engine.faq.match(message.text, { platform: input.platform, shopId: input.shopId });
  const open = engine.calendar.isOpen(at);
  return {
    kind: 'ok',
    report: {
      timeZone,
      at,
      open,
      nextOpening: open ? null : (engine.calendar.nextOpening(at) ?? null),
      actions: actions.map(view),
      faq: {
        band: match.band,
        why: 'why' in match ? match.why : null,
        ranked: match.ranked.slice(0, 5).map((c) => ({ id: c.rule.id, intent: c.rule.intent, score: c.score, example: c.example, terms: c.terms, keywords: c.keywords })),
      },
      complaint: { escalate: verdict.escalate, score: verdict.score, severity: verdict.severity, signals: verdict.signals, negated: verdict.negated, intensity: verdict.intensity },
      timers: actions.flatMap((a) => (a.kind === 'schedule' ? [{ purpose: a.purpose, at: a.at, ref: a.ref, reason: a.reason }] : [])),
      state: next,
    },
  };
}
