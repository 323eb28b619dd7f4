import type { LexiconHit } from '../lexicon/lexicon.ts';
import type { Decision } from './decision.ts';
import { closeRound, openRound } from './sla.ts';

/** A person on the shop's side wrote: the bot goes quiet for the quiet period; the round closes. */
export function onAgentMessage(d: Decision): void {
  const { quietMinutes } = d.rules.policies.human;
  d.state.humanActiveUntil = d.now + quietMinutes * 60_000;
  closeRound(d);
  d.log({ code: 'human.active', detail: `bot silent for ${quietMinutes} min` });
}

/**
 * A person claimed the conversation from the team channel: the bot goes quiet for the quiet
 * period (renewed by their messages). The platform's clock keeps running: a claim is not a reply.
 */
export function onClaimed(d: Decision, by: string): void {
  const { quietMinutes } = d.rules.policies.human;
  d.state.humanActiveUntil = Math.max(d.state.humanActiveUntil ?? 0, d.now + quietMinutes * 60_000);
  d.log({ code: 'human.claimed', detail: `${by} took over; bot silent for ${quietMinutes} min` });
}

/** The conversation closed on the platform: the bot may speak again and no clock runs. */
export function onConversationClosed(d: Decision): void {
  delete d.state.humanActiveUntil;
  delete d.state.round;
  d.log({ code: 'conversation.closed', detail: 'bot resumes' });
}

/** The buyer asked for a person (转人工): say one is coming, escalate, hand over. */
export function onHandoffRequest(d: Decision, hit: LexiconHit): void {
  if (!d.humanActive) {
    d.reply({
      script: 'handoff',
      variants: d.rules.scripts.handoff,
      rotationKey: 'handoff',
      intent: 'other',
      ruleId: 'scripts.handoff',
      reason: { code: 'handoff.requested', detail: `buyer asked for a person: "${hit.match}"` },
    });
  }
  d.escalate('normal', [{ code: 'handoff.requested', detail: `buyer asked for a person: "${hit.match}"` }]);
  d.handoff({ code: 'handoff.requested', detail: hit.match });
  openRound(d, 'buyer asked for a person');
}
