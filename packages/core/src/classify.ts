import { decide } from './decide.ts';
import type { Engine } from './engine.ts';
import type { Intent } from './types/platform.ts';
import type { ConversationState } from './types/state.ts';
import { initialState } from './types/state.ts';

/** What the engine would do with one message, reduced to what an evaluation compares. */
export type Classification = {
  /** Intent of the auto-reply the bot would send, or `other` when it would not answer by itself. */
  intent: Intent;
  /** Whether it would alert the team (complaint, request for a person…). */
  escalate: boolean;
  /** The rule behind the reply (FAQ id or `scripts.*`), or null. */
  ruleId: string | null;
  /** FAQ confidence or complaint score behind the decision, or null. */
  score: number | null;
  /** `code: detail` of every decision made. */
  reasons: string[];
};

/** A fixed weekday morning; moved to the next opening when the rules close the shop then. */
const REFERENCE_INSTANT = Date.UTC(2026, 10, 18, 2, 0); // 2026-11-18 10:00 in Asia/Shanghai

/** A business-hours instant for these rules, the same on every run. */
export function businessHoursInstant(engine: Engine): number {
  if (engine.calendar.isOpen(REFERENCE_INSTANT)) return REFERENCE_INSTANT;
  const opening = engine.calendar.nextOpening(REFERENCE_INSTANT);
  return opening === undefined ? REFERENCE_INSTANT : opening + 60_000;
}

/**
 * Classify one message as if it arrived alone from a returning buyer during business hours, already
 * greeted (so no greeting is in the way) — the question `cs classify` and `pnpm eval` ask.
 */
export function classifyMessage(engine: Engine, text: string, now: number = businessHoursInstant(engine)): Classification {
  const state: ConversationState = { ...initialState(), buyerMessages: 1, returning: true, greetedAt: now - 60_000 };
  const { actions } = decide(
    { kind: 'buyer_message', id: 'classify', platform: 'taobao', shopId: 'default', buyerId: 'classify', at: now, text },
    state,
    engine,
    now,
  );
  const replies = actions.flatMap((a) => (a.kind === 'reply' ? [a] : []));
  const answer = replies.find((r) => r.intent !== 'other') ?? replies[0];
  const escalation = actions.find((a) => a.kind === 'escalate');
  const complaintScore = actions.flatMap((a) => (a.kind === 'log' && typeof a.data?.score === 'number' ? [a.data.score] : []))[0];
  const reasons = actions.flatMap((a) => {
    if (a.kind === 'escalate') return a.reasons.map((r) => `${r.code}: ${r.detail}`);
    if (a.kind === 'schedule') return [];
    return [`${a.reason.code}: ${a.reason.detail}`];
  });
  return {
    intent: answer?.intent ?? 'other',
    escalate: escalation !== undefined,
    ruleId: answer?.ruleId ?? null,
    score: answer?.score ?? complaintScore ?? null,
    reasons,
  };
}
