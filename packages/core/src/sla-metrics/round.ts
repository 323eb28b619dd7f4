import type { SlaPolicy } from '../rules/sla.ts';
import type { Action } from '../types/action.ts';
import type { InboundEvent } from '../types/event.ts';
import type { Platform } from '../types/platform.ts';
import { measuredAt, pastHorizon } from './policy.ts';

/** One platform round as the metrics see it; the runtime stores these (D1 `sla_rounds`). */
export type MetricsRound = {
  /** The id of the event that opened it. */
  id: string;
  platform: Platform;
  shopId: string;
  buyerId: string;
  startedAt: number;
  /** The bot's first answer in the round. */
  botRepliedAt?: number;
  /** The first human reply: it ends the round. */
  humanRepliedAt?: number;
  /** The conversation closed with no human reply: the round is settled early. */
  closedAt?: number;
};

/** Per conversation: the round waiting for a human reply, if any. Plain JSON. */
export type RoundsState = { open?: MetricsRound };

/** The reason code `onHandoffRequest` gives when the buyer asks for a person (转人工). */
const BUYER_ASKED_FOR_PERSON = 'handoff.requested';

/** Scripts the bot sends unasked (催付, 发货通知): they answer nothing, so they are not a bot reply. */
const UNASKED_SCRIPTS: readonly string[] = ['orderUnpaid', 'orderShipped'];

function buyerAskedForPerson(actions: Action[]): boolean {
  return actions.some(
    (a) =>
      (a.kind === 'handoff' && a.reason.code === BUYER_ASKED_FOR_PERSON) ||
      (a.kind === 'escalate' && a.reasons.some((r) => r.code === BUYER_ASKED_FOR_PERSON)),
  );
}

const botAnswered = (actions: Action[]) => actions.some((a) => a.kind === 'reply' && !UNASKED_SCRIPTS.includes(a.script));

/**
 * Advance the round bookkeeping with one event and the actions decide() returned for it. Returns
 * the round row to upsert when it changed.
 *
 * A buyer message opens a round when none is open (on `handoff_request` platforms only when the
 * buyer asked for a person); a bot reply marks the round's first bot answer (the bot answers in
 * the same decision, so at `event.at`); a person's message or the conversation closing ends it.
 * A round that has waited past its cap (a day without one) is dropped when the buyer writes again:
 * its stored row already says all there is, and the new message opens the next round.
 *
 * @example
 * const { actions, state } = decide(event, conversation, engine, now);
 * const tracked = trackRound(rounds, event, actions, rules.sla[event.platform], rules.shop.timezone);
 * if (tracked.changed) await upsertRound(tracked.changed);
 */
export function trackRound(
  state: RoundsState,
  event: InboundEvent,
  actions: Action[],
  policy: SlaPolicy,
  timeZone: string,
): { state: RoundsState; changed?: MetricsRound } {
  let open = state.open;
  let changed: MetricsRound | undefined;
  if (event.kind === 'buyer_message') {
    // Our reading: a wait that began outside the measured hours restarts at the first message
    // inside them, even without a new 转人工 — the buyer is still waiting for the same person.
    const restarts = open !== undefined && !measuredAt(policy, open.startedAt, timeZone) && measuredAt(policy, event.at, timeZone);
    if (open && pastHorizon(policy, open.startedAt, event.at)) open = undefined;
    const opens = restarts || policy.roundStartsAt === 'first_message' || buyerAskedForPerson(actions);
    if ((!open || restarts) && opens) {
      const { id, platform, shopId, buyerId, at } = event;
      open = changed = { id, platform, shopId, buyerId, startedAt: at };
    }
  }
  if (open && open.botRepliedAt === undefined && botAnswered(actions)) open = changed = { ...open, botRepliedAt: event.at };
  if (open && event.kind === 'agent_message') {
    changed = { ...open, humanRepliedAt: event.at };
    open = undefined;
  } else if (open && event.kind === 'conversation_closed') {
    changed = { ...open, closedAt: event.at };
    open = undefined;
  }
  return { state: open ? { open } : {}, ...(changed && { changed }) };
}
