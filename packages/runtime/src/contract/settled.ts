import type { Action } from '@kefu/core';
import { conversationKey } from '../app/dispatch.ts';
import type { ConversationRef } from '../outbound/job.ts';
import { eventually } from './sandbox-client.ts';
import type { TestEnv } from './test-env.ts';

/** The actions a conversation has decided so far. */
export async function actionsOf(env: TestEnv, c: ConversationRef): Promise<Action[]> {
  const stub = env.CONVERSATION.get(env.CONVERSATION.idFromName(conversationKey(c.platform, c.shopId, c.buyerId)));
  return (await stub.actions()) as Action[];
}

/**
 * Wait until the conversation has decided at least `atLeast` actions, every one is in the D1
 * action log, and every reply and escalation it sent out is settled (sent or dead-lettered).
 */
export async function settled(env: TestEnv, c: ConversationRef, atLeast = 1): Promise<Action[]> {
  return eventually(async () => {
    const actions = await actionsOf(env, c);
    if (actions.length < atLeast) return undefined;
    const ids = actions.map((a) => a.id);
    const marks = ids.map(() => '?').join(',');
    const logged = (await env.DB.prepare(`SELECT action_id, reason_code FROM action_log WHERE action_id IN (${marks})`).bind(...ids).all<{ action_id: string; reason_code: string }>()).results;
    if (logged.length < ids.length) return undefined;
    const withheld = new Set(logged.filter((r) => r.reason_code === 'send.budget').map((r) => r.action_id));
    const outward = actions.filter((a) => (a.kind === 'reply' || a.kind === 'escalate') && !withheld.has(a.id)).map((a) => a.id);
    if (outward.length === 0) return actions;
    const done = (await env.DB.prepare(`SELECT id FROM deliveries WHERE status IN ('sent', 'dead') AND id IN (${outward.map(() => '?').join(',')})`).bind(...outward).all()).results;
    return done.length === outward.length ? actions : undefined;
  }, `the actions of ${c.platform}/${c.shopId}/${c.buyerId} to settle`);
}
