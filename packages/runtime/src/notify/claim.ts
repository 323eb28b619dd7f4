import type { RuntimeEnv } from '../env.ts';
import { dispatch } from '../app/dispatch.ts';
import { parseClaimRef } from './escalation.ts';

/** What claiming did. */
export type ClaimResult =
  /** The conversation is now a person's: the bot is quiet in it. */
  | { kind: 'claimed'; quietMinutes?: number }
  /** Someone claimed it already (a double click, a second teammate). */
  | { kind: 'already'; by: string | null }
  /** Not a claim reference. */
  | { kind: 'invalid' };

/**
 * A person takes a conversation over: a `claimed` event through its Conversation Durable Object
 * (deduped per escalation, so a double click is one claim) and the escalation marked claimed.
 */
export async function claimConversation(env: RuntimeEnv, ref: string, by: string, now: number): Promise<ClaimResult> {
  const parsed = parseClaimRef(ref);
  if (!parsed) return { kind: 'invalid' };
  const { conversation, escalationId } = parsed;
  const [result] = await dispatch(env, [{ event: { kind: 'claimed', id: `claim:${escalationId}`, ...conversation, at: now, by } }]);
  if (result?.kind === 'duplicate') {
    const row = await env.DB.prepare('SELECT claimed_by FROM escalations WHERE id = ?').bind(escalationId).first<{ claimed_by: string | null }>();
    return { kind: 'already', by: row?.claimed_by ?? null };
  }
  await env.DB.prepare(`UPDATE escalations SET status = 'claimed', claimed_by = ?, updated_at = ? WHERE id = ?`).bind(by, now, escalationId).run();
  return { kind: 'claimed' };
}
