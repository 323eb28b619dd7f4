import type { Engine } from './engine.ts';
import { away } from './policies/away.ts';
import { handleComplaint } from './policies/complaint.ts';
import { Decision } from './policies/decision.ts';
import { answerFaq } from './policies/faq.ts';
import { greet } from './policies/greeting.ts';
import { onAgentMessage, onClaimed, onConversationClosed, onHandoffRequest } from './policies/human.ts';
import { onOrder, onUnpaidReminder } from './policies/orders.ts';
import { onSlaTimer } from './policies/sla.ts';
import { normalize } from './text/normalize.ts';
import type { Action } from './types/action.ts';
import type { InboundEvent } from './types/event.ts';
import type { ConversationState } from './types/state.ts';

/** The outcome of one event: what to do, and the conversation state to keep for the next one. */
export type DecideResult = { actions: Action[]; state: ConversationState };

type BuyerMessage = Extract<InboundEvent, { kind: 'buyer_message' }>;

function onBuyerMessage(d: Decision, event: BuyerMessage): void {
  const { state, engine } = d;
  const firstContact = state.buyerMessages === 0 && !state.returning && !event.returning;
  if (event.returning) state.returning = true;
  state.buyerMessages += 1;
  state.lastBuyerAt = event.at;

  const message = normalize(event.text);
  const { windowMinutes } = d.rules.complaint.repetition;
  state.complaints = state.complaints.filter((c) => d.now - c.at < windowMinutes * 60_000);
  const verdict = engine.complaint.detect(message, { recentComplaintScores: state.complaints.map((c) => c.score) });
  if (verdict.score > 0) state.complaints.push({ at: d.now, score: verdict.score });
  const faq = () => engine.faq.match(message.text, { platform: event.platform, shopId: event.shopId });
  if (verdict.escalate) return handleComplaint(d, verdict, faq);
  if (verdict.signals.length > 0) {
    d.log({ code: 'complaint.below_threshold', detail: verdict.signals.map((s) => `${s.id}:"${s.match}"`).join(', ') }, { score: verdict.score });
  }

  const asked = engine.handoff.find(message.text).hit;
  if (asked) return onHandoffRequest(d, asked);

  if (d.humanActive) {
    d.log({ code: 'human.active', detail: 'a person is handling this conversation: bot silent' });
    return;
  }
  const acknowledged = greet(d, firstContact) || away(d);
  answerFaq(d, faq(), acknowledged);
}

/**
 * The whole engine: one event, the conversation's state, the compiled rules and the time in; the
 * actions to perform and the next state out. Pure and deterministic — no I/O, no clock, no
 * randomness — so every decision can be replayed and explained.
 *
 * @example
 * const engine = compileRules(parsed.rules);
 * const { actions, state } = decide(event, initialState(), engine, Date.parse('2026-11-11T10:00:00+08:00'));
 */
export function decide(event: InboundEvent, state: ConversationState, engine: Engine, now: number): DecideResult {
  const d = new Decision(event, structuredClone(state), engine, now);
  switch (event.kind) {
    case 'buyer_message':
      onBuyerMessage(d, event);
      break;
    case 'agent_message':
      onAgentMessage(d);
      break;
    case 'session_enter': {
      const firstContact = d.state.buyerMessages === 0 && !d.state.returning && !event.returning;
      if (event.returning) d.state.returning = true;
      if (!greet(d, firstContact)) away(d);
      break;
    }
    case 'order':
      onOrder(d, event);
      break;
    case 'timer':
      if (event.purpose === 'unpaid_reminder') onUnpaidReminder(d, event.ref);
      else onSlaTimer(d, event.purpose, event.ref);
      break;
    case 'conversation_closed':
      onConversationClosed(d);
      break;
    case 'claimed':
      onClaimed(d, event.by);
      break;
  }
  return { actions: d.actions, state: d.state };
}
